import { Workbox } from 'workbox-window';

/**
 * The service worker that keeps the app shell offline, and whether a newer version of Tally is
 * waiting. The person chooses when to reload into it (docs/app.md#screens).
 */
export class AppUpdates {
  private waiting = false;
  private readonly listeners = new Set<() => void>();
  private readonly workbox: Workbox | undefined;

  constructor(scriptUrl: string | undefined) {
    if (scriptUrl === undefined || !('serviceWorker' in navigator)) return;
    this.workbox = new Workbox(scriptUrl);
    this.workbox.addEventListener('waiting', () => {
      this.waiting = true;
      for (const listener of this.listeners) listener();
    });
    void this.workbox.register();
  }

  isWaiting = (): boolean => this.waiting;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Lets the waiting version take over, then reloads into it. */
  reload(): void {
    if (!this.workbox) return;
    this.workbox.addEventListener('controlling', () => window.location.reload());
    this.workbox.messageSkipWaiting();
  }
}
