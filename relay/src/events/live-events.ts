import { type FailureReporting, reportFailure } from '../failures.js';
import type { EventStore, EventType, StoredEvent } from '../storage/events/event-store.js';
import type { EventBus } from './event-bus.js';

/** One event for the people it concerns. */
export interface Publication {
  readonly to: readonly string[];
  readonly type: EventType;
  readonly data: Readonly<Record<string, unknown>>;
  /** Names what the event tells; published again with the same key, it is stored once per account (E3). */
  readonly dedupeKey: string;
}

/**
 * Publishing an event: it is stored for each account it concerns, numbered in that account's
 * sequence, and then announced, so every relay delivers it to that account's open events sockets
 * (E2, E4). What a device does not get live it gets by replay, from storage.
 */
export class LiveEvents {
  private told: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly bus: EventBus,
    private readonly now: () => number,
    private readonly reporting: FailureReporting,
  ) {}

  async publish(publication: Publication): Promise<readonly StoredEvent[]> {
    const { to, type, dedupeKey } = publication;
    const data = JSON.stringify(publication.data);
    const createdAt = this.now();
    const stored = await this.store.append(
      [...new Set(to)].map((userId) => ({ userId, type, data, dedupeKey, createdAt })),
    );
    if (stored.length > 0) this.bus.announce(stored.map((event) => event.userId));
    return stored;
  }

  /**
   * Publishes an event that follows a change already committed: a failure is reported, not
   * thrown, so the change's request still succeeds; devices then learn of it when they next load.
   */
  tell(publication: Publication): Promise<void> {
    // One after the other, so changes told in order are numbered in order on every storage.
    this.told = this.told.then(async () => {
      try {
        await this.publish(publication);
      } catch (error) {
        reportFailure(this.reporting, 'events', error, { type: publication.type });
      }
    });
    return this.told;
  }
}
