import { type ComponentType, createElement, type FunctionComponent, type LazyExoticComponent, lazy } from 'react';

/** Set once a lazy component's module failed to load in this page. */
let loadFailed = false;

/**
 * A component whose module loads when it first renders, inside the nearest `<Suspense>`: a screen
 * opened later than the first visit downloads then, not with the app (docs/app.md#screens). The
 * service worker precaches every such chunk, so it opens offline all the same. When the module
 * cannot be loaded the error reaches the nearest `ErrorBoundary`, whose retry reloads the page
 * (`moduleLoadFailed`).
 */
export function lazyComponent<Name extends string, Props extends object>(
  load: () => Promise<Readonly<Record<Name, ComponentType<Props>>>>,
  name: Name,
): FunctionComponent<Props> {
  const loaded: LazyExoticComponent<ComponentType<Props>> = lazy(async () => {
    try {
      return { default: (await load())[name] };
    } catch (error) {
      loadFailed = true;
      throw error;
    }
  });
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen, when its feature's index.ts is read, like React.lazy itself.
  const Loaded: FunctionComponent<Props> = (props) => createElement(loaded, props);
  Loaded.displayName = name;
  return Loaded;
}

/**
 * Whether a module failed to load in this page. Chromium keeps a failed `import()` for the page's
 * life and never fetches that module again, so only a reload can load it.
 */
export function moduleLoadFailed(): boolean {
  return loadFailed;
}
