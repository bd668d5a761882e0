import type { Workbox } from 'workbox-window';

/**
 * The service worker that keeps the app offline, whether it has just become ready to, and whether
 * a newer version of Tally is waiting. The person chooses when to reload into it
 * (docs/app.md#screens).
 */
export class AppUpdates {
  private waiting = false;
  private offlineReady = false;
  private readonly listeners = new Set<() => void>();
  private workbox: Workbox | undefined;

  constructor(scriptUrl: string | undefined) {
    if (scriptUrl === undefined || !('serviceWorker' in navigator)) return;
    // workbox-window is not needed to draw the first screen (it registers after the page's `load`
    // anyway), so it is a chunk of its own and stays out of the first visit's budget.
    void import('workbox-window').then(({ Workbox }) => this.register(new Workbox(scriptUrl)));
  }

  private register(workbox: Workbox): void {
    this.workbox = workbox;
    workbox.addEventListener('waiting', () => {
      this.waiting = true;
      this.changed();
    });
    // The first install: everything is precached once it activates, and it takes this page over.
    workbox.addEventListener('activated', (event) => {
      if (event.isUpdate) return;
      this.offlineReady = true;
      this.changed();
    });
    void workbox.register();
  }

  isWaiting = (): boolean => this.waiting;

  /** True once this visit installed the service worker for the first time: Tally now opens offline. */
  isOfflineReady = (): boolean => this.offlineReady;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The person has seen that Tally works offline. */
  dismissOfflineReady(): void {
    this.offlineReady = false;
    this.changed();
  }

  /** Lets the waiting version take over, then reloads into it. */
  reload(): void {
    if (!this.workbox) return;
    this.workbox.addEventListener('controlling', () => window.location.reload());
    this.workbox.messageSkipWaiting();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
