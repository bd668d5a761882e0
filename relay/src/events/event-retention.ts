import { type FailureReporting, reportFailure } from '../failures.js';
import type { EventStore } from '../storage/events/event-store.js';

/** How long events are kept for replay: a device away longer is told its replay is incomplete (E6). */
export const eventRetentionMs = 30 * 24 * 60 * 60 * 1000;

const pruneEveryMs = 60 * 60 * 1000;

/** Deletes events older than the retention once an hour, and once at start (E6). */
export class EventRetention {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly now: () => number,
    private readonly reporting: FailureReporting,
  ) {}

  start(): void {
    void this.prune();
    this.timer = setInterval(() => void this.prune(), pruneEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<void> {
    try {
      await this.store.prune(this.now() - eventRetentionMs);
    } catch (error) {
      reportFailure(this.reporting, 'events', error);
    }
  }
}
