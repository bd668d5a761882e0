import type { FailureReporting } from '../failures.js';

/**
 * What the relays sharing one database tell each other about the documents they have open (C1–C4).
 * Only a hint: the database is the truth, and a relay that misses a message reads what it missed
 * from there (C2, C3).
 */
export interface RelayBus {
  /** Who hears what the other relays say, and where the bus's failures are told; one per relay. */
  listen(listener: BusListener, reporting: FailureReporting): void;
  /** Starts hearing a document's messages; resolves once none sent from now on can be missed. */
  subscribe(docId: string): Promise<void>;
  unsubscribe(docId: string): void;
  /** Tells the other relays that `update` is stored as the document's update `seq` (C1). */
  publishUpdate(docId: string, seq: number, update: Uint8Array): void;
  /** Passes on a change of presence to the other relays' peers of the document (best effort, F4). */
  publishAwareness(docId: string, update: Uint8Array): void;
  /** Tells the other relays that the access-change feed has something new (C5). */
  publishAccessChange(): void;
  /** Tells the other relays that these accounts have new stored events (E4, E11). */
  publishEvents(userIds: readonly string[]): void;
  close(): Promise<void>;
}

/** What a relay hears from the others. */
export interface BusListener {
  update(docId: string, seq: number, update: Uint8Array): void;
  awareness(docId: string, update: Uint8Array): void;
  accessChanged(): void;
  /** Another relay stored events for these accounts: this relay's sockets of theirs read them (E11). */
  eventsStored(userIds: readonly string[]): void;
  /** The bus was cut off and is back: anything may have been missed meanwhile (C3). */
  reconnected(): void;
}
