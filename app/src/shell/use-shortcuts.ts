import { useEffect } from 'react';

/** What each key does when no field has the keyboard: `n` a new transaction, `/` the search, `?` this list. */
export interface ShortcutActions {
  readonly newTransaction: () => void;
  readonly search: () => void;
  readonly listShortcuts: () => void;
}

/** Whether a key press belongs to what the person is typing into, or to a dialog, rather than to Tally. */
function typing(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [role="dialog"]') !== null ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey
  );
}

/** Desktop keyboard shortcuts, live while `on` (the ledger is read and no dialog is open). */
export function useShortcuts(on: boolean, actions: ShortcutActions): void {
  useEffect(() => {
    if (!on) return;
    const press = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typing(event)) return;
      const action =
        event.key === 'n'
          ? actions.newTransaction
          : event.key === '/'
            ? actions.search
            : event.key === '?'
              ? actions.listShortcuts
              : undefined;
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', press);
    return () => window.removeEventListener('keydown', press);
  }, [on, actions]);
}

/** Focuses the transaction search once the transactions screen shows it (at most a second later). */
export function focusSearchSoon(): void {
  // The list's code may still be loading on its first opening: keep looking for about five seconds.
  const tries = { left: 300 };
  const attempt = () => {
    const field = document.getElementById('filter-text');
    if (field) field.focus();
    else if (tries.left-- > 0) requestAnimationFrame(attempt);
  };
  attempt();
}
