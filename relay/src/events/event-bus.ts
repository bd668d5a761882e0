/**
 * Tells the relays that accounts have new stored events, so each delivers them to the sockets it
 * holds (E4). The events themselves are always read from storage: a bus only carries "look again",
 * so one that drops a message delays an event until the next one, never loses it.
 *
 * One relay's bus is `InProcessEventBus`; relays sharing a database use `SharedEventBus`, which
 * reaches the others through the relay bus (Redis publish/subscribe, E11).
 */
export interface EventBus {
  announce(userIds: readonly string[]): void;
  /** Calls `listener` with each account announced, by any relay; returns how to stop. */
  subscribe(listener: (userId: string) => void): () => void;
}

/** A bus that reaches this process only: enough for one relay. */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Set<(userId: string) => void>();

  announce(userIds: readonly string[]): void {
    for (const userId of new Set(userIds)) {
      for (const listener of this.listeners) listener(userId);
    }
  }

  subscribe(listener: (userId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
