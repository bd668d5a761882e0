import { type ComponentType, createElement, type FunctionComponent, type LazyExoticComponent, lazy } from 'react';

/** How to make a fresh start of each lazy component whose module failed to load. */
const failedLoads = new Set<() => void>();

/**
 * A component whose module loads when it first renders, inside the nearest `<Suspense>`: a screen
 * opened later than the first visit downloads then, not with the app (docs/app.md#screens). The
 * service worker precaches every such chunk, so it opens offline all the same. When the module
 * cannot be loaded the error reaches the nearest `ErrorBoundary`, whose retry loads it anew
 * (`retryFailedLoads`).
 */
export function lazyComponent<Name extends string, Props extends object>(
  load: () => Promise<Readonly<Record<Name, ComponentType<Props>>>>,
  name: Name,
): FunctionComponent<Props> {
  const loadOnce = (): LazyExoticComponent<ComponentType<Props>> =>
    lazy(async () => {
      try {
        return { default: (await load())[name] };
      } catch (error) {
        // Not renewed at once: React renders the component again straight after the failure,
        // and a fresh one would load again, and again, instead of showing the error.
        failedLoads.add(() => {
          current = loadOnce();
        });
        throw error;
      }
    });
  let current = loadOnce();
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen, when its feature's index.ts is read, like React.lazy itself.
  const Loaded: FunctionComponent<Props> = (props) => createElement(current, props);
  Loaded.displayName = name;
  return Loaded;
}

/** Lets every lazy component whose module failed to load try again when it next renders. */
export function retryFailedLoads(): void {
  for (const renew of failedLoads) renew();
  failedLoads.clear();
}
