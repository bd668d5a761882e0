export type Timer = ReturnType<typeof setTimeout>;

/** Time as syncing sees it: the browser's by default, a test's fake timers in tests. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, delay: number): Timer;
  clearTimeout(timer: Timer | undefined): void;
}

export const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, delay) => setTimeout(run, delay),
  clearTimeout: (timer) => clearTimeout(timer),
};

/** Runs `work` while holding the lock `name`, which every tab of this device shares. */
export type Lock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** Web Locks, where the browser has them; elsewhere each tab rotates on its own, as before they existed. */
export const browserLock: Lock = (name, work) =>
  typeof navigator !== 'undefined' && 'locks' in navigator
    ? // The lock is held until the promise `work` returns settles, and resolves to what it resolves to.
      navigator.locks.request(name, work).then((result) => result)
    : work();
