import type { ListStore } from '../../storage/index.js';
import type { ChatMessage } from '../../sync/index.js';

/** A message written on this device that the relay has not stored yet. */
export interface OutboxMessage {
  readonly bookingId: string;
  /** Made here, so sending it again after a lost answer stores it once. */
  readonly clientId: string;
  readonly text: string;
  readonly writtenAt: string;
}

export function readOutboxMessage(stored: unknown): OutboxMessage | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { bookingId, clientId, text, writtenAt } = stored as Record<string, unknown>;
  if (typeof bookingId !== 'string' || typeof clientId !== 'string') return undefined;
  if (typeof text !== 'string' || typeof writtenAt !== 'string') return undefined;
  return { bookingId, clientId, text, writtenAt };
}

/** Sends one message to the relay; rejects when it could not (offline, refused). */
export type SendMessage = (message: OutboxMessage) => Promise<ChatMessage>;

/** Runs `run` once after `delayMs`; the browser's `setTimeout` outside tests. */
export type RetryLater = (run: () => Promise<void>, delayMs: number) => void;

/** The first wait before sending again after a failure, doubled on each failure up to the last. */
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 60_000;

/**
 * Chat written offline first: every message goes into a durable outbox on the device (IndexedDB,
 * so it survives a reload) before it is sent, and leaves it only once the relay has stored it.
 * The outbox is sent in order whenever asked (a new message, the browser back online, a start),
 * and again after a wait while a send fails (the first try after the browser says it is online
 * can still fail): one sending at a time, so a message is never sent twice at once.
 */
export class ChatOutbox {
  private pending: readonly OutboxMessage[] = [];
  private flushing: Promise<void> | undefined;
  private again = false;
  private retryMs = FIRST_RETRY_MS;
  private retryWaiting = false;
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<(message: ChatMessage, bookingId: string) => void>();

  constructor(
    private readonly store: ListStore<OutboxMessage>,
    private readonly send: SendMessage,
    private readonly retryLater: RetryLater = (run, delayMs) => void setTimeout(() => void run(), delayMs),
  ) {}

  async load(): Promise<void> {
    this.pending = await this.store.list();
    this.publish();
  }

  /** What waits to be sent in one conversation, oldest first. */
  waiting(bookingId: string): readonly OutboxMessage[] {
    return this.pending.filter((message) => message.bookingId === bookingId);
  }

  async write(message: OutboxMessage): Promise<void> {
    await this.store.change((list) => [...list, message]);
    this.pending = [...this.pending, message];
    this.publish();
    await this.flush();
  }

  /** Sends what waits, in order, stopping at the first that cannot be sent (it is tried again next time). */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.sendAll().finally(() => {
      this.flushing = undefined;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.flushing;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called with each message once the relay has stored it. */
  onSent(listener: (message: ChatMessage, bookingId: string) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  getSnapshot = (): readonly OutboxMessage[] => this.pending;

  private async sendAll(): Promise<void> {
    this.pending = await this.store.list();
    for (const message of this.pending) {
      let stored: ChatMessage;
      try {
        stored = await this.send(message);
      } catch {
        this.sendAgainLater();
        return;
      }
      this.retryMs = FIRST_RETRY_MS;
      await this.store.change((list) => list.filter((waiting) => waiting.clientId !== message.clientId));
      this.pending = this.pending.filter((waiting) => waiting.clientId !== message.clientId);
      this.publish();
      for (const listener of this.sentListeners) listener(stored, message.bookingId);
    }
  }

  private sendAgainLater(): void {
    if (this.retryWaiting) return;
    this.retryWaiting = true;
    const delayMs = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
    this.retryLater(() => {
      this.retryWaiting = false;
      return this.flush();
    }, delayMs);
  }

  private publish(): void {
    for (const listener of this.listeners) listener();
  }
}
