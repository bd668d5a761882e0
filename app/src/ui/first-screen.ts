import { useEffect } from 'react';

let drawn: () => void = () => undefined;
const firstScreen = new Promise<void>((resolve) => {
  drawn = resolve;
});

/**
 * How long a start waits for its first screen: a screen whose code is slow to arrive, or never
 * does (a stalled request on a visit the service worker does not control), must not hold back the
 * rest of the start — taking edits, syncing — for longer.
 */
const FIRST_SCREEN_PATIENCE_MS = 1_000;

/**
 * Resolves once the page's first screen (or what stands in for it when it failed) has rendered with
 * its code loaded, or `FIRST_SCREEN_PATIENCE_MS` after this is called, whichever is first. Work
 * that would hold the page or its storage for a while — reading a large ledger — waits for it, so
 * the screen a person opened shows first.
 */
export function firstScreenDrawn(): Promise<void> {
  return withPatience(firstScreen).then(() => undefined);
}

/** How a promise waited for with patience turned out: its value, its failure, or undefined while it is still pending. */
export type Waited<T> = { readonly value: T } | { readonly failure: unknown } | undefined;

/**
 * Resolves once `waited` has settled, with how it did, or with undefined `FIRST_SCREEN_PATIENCE_MS`
 * after this is called, whichever is first: for what the first screen waits on before it is drawn.
 */
export function withPatience<T>(waited: Promise<T>): Promise<Waited<T>> {
  return Promise.race([
    waited.then(
      (value) => ({ value }),
      (failure: unknown) => ({ failure }),
    ),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), FIRST_SCREEN_PATIENCE_MS)),
  ]);
}

/**
 * Marks the screen beside it as drawn (`firstScreenDrawn`). Rendered inside the screen's
 * `<Suspense>`, it mounts in the same commit as the screen, so not before the screen's code loaded.
 */
export function ScreenDrawn(): null {
  useEffect(drawn, []);
  return null;
}
