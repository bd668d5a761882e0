import type { EventsSource, RelayEvent, RelayEvents, SeqStore } from './relay-events.js';

/**
 * The account's live events as the app sees them: listeners can subscribe at any time, and the
 * connection's code (`RelayEvents`) is loaded only when a signed-in device first starts listening,
 * so a device with no account never downloads it.
 */
export class LiveEvents {
  private loading: Promise<RelayEvents> | undefined;
  private running = false;
  private readonly listeners = new Set<(event: RelayEvent) => void>();

  constructor(
    private readonly source: EventsSource,
    private readonly seqStore: SeqStore,
  ) {}

  start(): void {
    this.running = true;
    this.loading ??= import('./relay-events.js').then(({ RelayEvents }) => {
      const events = new RelayEvents(this.source, this.seqStore);
      events.subscribe((event) => {
        for (const listener of this.listeners) listener(event);
      });
      return events;
    });
    this.loading.then(
      (events) => {
        if (this.running) events.start();
      },
      () => {
        // The code could not be loaded (an update replaced it): the next start loads it again.
        this.loading = undefined;
      },
    );
  }

  stop(): void {
    this.running = false;
    void this.loading?.then(
      (events) => events.stop(),
      () => undefined,
    );
  }

  subscribe(listener: (event: RelayEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
