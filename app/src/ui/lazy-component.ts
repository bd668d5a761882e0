import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A component whose module loads when it first renders, inside the nearest `<Suspense>`: a screen
 * opened later than the first visit downloads then, not with the app (docs/app.md#screens). The
 * service worker precaches every such chunk, so it opens offline all the same.
 */
export function lazyComponent<Name extends string, Props extends object>(
  load: () => Promise<Readonly<Record<Name, ComponentType<Props>>>>,
  name: Name,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
