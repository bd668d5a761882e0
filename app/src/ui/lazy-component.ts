import { type ComponentType, createElement, type FunctionComponent, use } from 'react';

/** Set once a lazy component's module failed to load in this page. */
let loadFailed = false;

/**
 * A load marked as settled the way React's `use` reads a promise: one already settled is read at
 * once, without suspending, so a component whose code has arrived renders in the same pass.
 */
type Loading<T> = Promise<T> & { status?: 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

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
  let loading: Loading<ComponentType<Props>> | undefined;
  const preload = (): Promise<ComponentType<Props>> => {
    if (loading !== undefined) return loading;
    const started: Loading<ComponentType<Props>> = load().then(
      (module) => {
        started.status = 'fulfilled';
        started.value = module[name];
        return module[name];
      },
      (error: unknown) => {
        loadFailed = true;
        started.status = 'rejected';
        started.reason = error;
        throw error;
      },
    );
    loading = started;
    return started;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen, when its feature's index.ts is read, like React.lazy itself.
  const Loaded: FunctionComponent<Props> = (props) => createElement(use(preload()), props);
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
