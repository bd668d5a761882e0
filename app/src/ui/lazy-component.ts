import { type ComponentType, createElement, type FunctionComponent, use } from 'react';

/** Set once a lazy component's module failed to load in this page. */
let loadFailed = false;

/** A component whose code loads when it first renders, or earlier when asked to (`preload`). */
export interface LazyComponent<Props extends object> extends FunctionComponent<Props> {
  /**
   * Starts loading the component's code now, once however often it is called. A start calls it for
   * the screen in the address before anything else waits, so the code arrives while the device's
   * storage is being opened; rendered once loaded, the component shows at once, never its fallback.
   */
  preload(): Promise<ComponentType<Props>>;
}

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
): LazyComponent<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = (): Promise<ComponentType<Props>> => {
    loading ??= load().then(
      (module) => {
        loaded = module[name];
        return loaded;
      },
      (error: unknown) => {
        loadFailed = true;
        throw error;
      },
    );
    return loading;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen, when its feature's index.ts is read, like React.lazy itself.
  const Loaded: FunctionComponent<Props> = (props) => createElement(loaded ?? use(preload()), props);
  Loaded.displayName = name;
  return Object.assign(Loaded, { preload });
}

/**
 * Whether a module failed to load in this page. Chromium keeps a failed `import()` for the page's
 * life and never fetches that module again, so only a reload can load it.
 */
export function moduleLoadFailed(): boolean {
  return loadFailed;
}
