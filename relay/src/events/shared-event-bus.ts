import type { RelayBus } from '../bus/relay-bus.js';
import { type EventBus, InProcessEventBus } from './event-bus.js';

/**
 * The event bus of relays sharing a database (E11): an announcement reaches this relay's own
 * sockets at once and the other relays through the relay bus (Redis); what the others announce
 * is `heard` here. Still only "look again": a message Redis drops is made up for by the device's
 * `after` when it reconnects (E5), or by the next event of that account.
 */
export class SharedEventBus implements EventBus {
  private readonly local = new InProcessEventBus();

  constructor(private readonly bus: RelayBus) {}

  announce(userIds: readonly string[]): void {
    this.local.announce(userIds);
    this.bus.publishEvents([...new Set(userIds)]);
  }

  subscribe(listener: (userId: string) => void): () => void {
    return this.local.subscribe(listener);
  }

  /** Accounts another relay stored events for. */
  heard(userIds: readonly string[]): void {
    this.local.announce(userIds);
  }
}
