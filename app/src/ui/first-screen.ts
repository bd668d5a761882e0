import { useEffect } from 'react';

let drawn: () => void = () => undefined;
const firstScreen = new Promise<void>((resolve) => {
  drawn = resolve;
});

/**
 * Resolves once the page's first screen (or what stands in for it when it failed) has rendered with
 * its code loaded. Work that would hold the page or its storage for a while — reading a large
 * ledger — waits for it, so the screen a person opened shows first.
 */
export function firstScreenDrawn(): Promise<void> {
  return firstScreen;
}

/**
 * Marks the screen beside it as drawn (`firstScreenDrawn`). Rendered inside the screen's
 * `<Suspense>`, it mounts in the same commit as the screen, so not before the screen's code loaded.
 */
export function ScreenDrawn(): null {
  useEffect(drawn, []);
  return null;
}
