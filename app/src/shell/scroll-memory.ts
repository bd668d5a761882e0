import { useEffect } from 'react';

const KEY = 'tallyEntry';

/** How long a position waits for its screen to grow tall enough again (a screen's code may still be loading). */
const RESTORE_PATIENCE_MS = 5_000;

function entryOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !(KEY in state)) return undefined;
  const entry: unknown = (state as Record<string, unknown>)[KEY];
  return typeof entry === 'string' ? entry : undefined;
}

/** Marks the current history entry with an id of its own, kept by the browser across back and forward. */
function markEntry(): string {
  const entry = crypto.randomUUID();
  const state: unknown = history.state;
  history.replaceState({ ...(typeof state === 'object' && state !== null ? state : {}), [KEY]: entry }, '');
  return entry;
}

/**
 * Each screen opens at its top; going back (or forward) to a screen brings back where the person
 * was on it. Positions are kept per history entry, so the same screen visited twice has two.
 */
export function useScrollMemory(): void {
  useEffect(() => {
    history.scrollRestoration = 'manual';
    const positions = new Map<string, number>();
    let entry = entryOf(history.state) ?? markEntry();
    let restoring: { readonly frame: number } | undefined;

    const stopRestoring = () => {
      if (restoring) cancelAnimationFrame(restoring.frame);
      restoring = undefined;
    };
    const restore = (top: number) => {
      const until = performance.now() + RESTORE_PATIENCE_MS;
      const step = () => {
        window.scrollTo(0, top);
        if (Math.abs(window.scrollY - top) < 1 || performance.now() > until) restoring = undefined;
        else restoring = { frame: requestAnimationFrame(step) };
      };
      restoring = { frame: requestAnimationFrame(step) };
    };
    const remember = () => {
      if (!restoring) positions.set(entry, window.scrollY);
    };
    const arrive = () => {
      stopRestoring();
      const known = entryOf(history.state);
      entry = known ?? markEntry();
      // After the next frame, when the screen the address names has rendered.
      restore(known === undefined ? 0 : (positions.get(known) ?? 0));
    };

    window.addEventListener('scroll', remember, { passive: true });
    window.addEventListener('hashchange', arrive);
    // The person scrolling takes over from a position still being brought back.
    window.addEventListener('wheel', stopRestoring, { passive: true });
    window.addEventListener('touchstart', stopRestoring, { passive: true });
    window.addEventListener('keydown', stopRestoring);
    return () => {
      stopRestoring();
      window.removeEventListener('scroll', remember);
      window.removeEventListener('hashchange', arrive);
      window.removeEventListener('wheel', stopRestoring);
      window.removeEventListener('touchstart', stopRestoring);
      window.removeEventListener('keydown', stopRestoring);
    };
  }, []);
}
