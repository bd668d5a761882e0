import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { type FailureReporting, reportFailure } from '../failures.js';
import { decodeBusMessage, encodeBusMessage } from './bus-message.js';
import type { BusListener, RelayBus } from './relay-bus.js';
import type { FailureRun, SharedCounters } from './shared-counters.js';
import type { SharedPresence } from './shared-presence.js';

type RedisClient = ReturnType<typeof createClient>;

const docChannelPrefix = 'tally:doc:';
const accessChannel = 'tally:access-changed';
const eventsChannel = 'tally:events';
const presencePrefix = 'tally:presence:';
const windowPrefix = 'tally:window:';
const failuresPrefix = 'tally:failures:';

/**
 * The relays' bus on Redis pub/sub (`REDIS_URL`): one channel per open document, one for access
 * changes, one for accounts with new live events. Pub/sub delivers at most once, so nothing here is
 * the truth: a message lost while Redis or the connection is down is read from the database when
 * the subscriber is back (C3), or by the device's `after` when it reconnects (E5). Presence of
 * events sockets is a sorted set per account (`tally:presence:<userId>`: one member per relay,
 * scored by when its mark runs out).
 */
export class RedisRelayBus implements RelayBus, SharedCounters, SharedPresence {
  /** Tells this relay's own messages apart from the others'. */
  readonly relayId = randomUUID();
  private listener: BusListener | null = null;
  private reporting: FailureReporting | null = null;
  private readonly subscribed = new Map<string, Promise<void>>();
  private everReady = false;
  private failing = false;

  private constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
  ) {}

  /** Connects to Redis; throws when it cannot be reached at start. Reconnects on its own afterwards. */
  static async open(url: string): Promise<RedisRelayBus> {
    const publisher = createClient({
      url,
      // A relay cut off from Redis keeps serving its own peers: publishing is a hint, never awaited.
      disableOfflineQueue: true,
      socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
    });
    const subscriber = publisher.duplicate({ disableOfflineQueue: false });
    const bus = new RedisRelayBus(publisher, subscriber);
    for (const client of [publisher, subscriber]) client.on('error', (error: unknown) => bus.reportOnce(error));
    subscriber.on('ready', () => bus.ready());
    publisher.on('ready', () => {
      bus.failing = false;
    });
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await subscriber.subscribe(accessChannel, () => bus.listener?.accessChanged());
    await subscriber.subscribe(eventsChannel, (message: string) => bus.hearEvents(message));
    return bus;
  }

  listen(listener: BusListener, reporting: FailureReporting): void {
    this.listener = listener;
    this.reporting = reporting;
  }

  subscribe(docId: string): Promise<void> {
    const existing = this.subscribed.get(docId);
    if (existing !== undefined) return existing;
    const subscribing = this.subscriber
      .subscribe(docChannelPrefix + docId, (message: Buffer) => this.hear(docId, message), true)
      .catch((error: unknown) => {
        // Unsubscribed from Redis, the document still syncs here; the next reconnect repairs it (C3).
        this.reportOnce(error);
      });
    this.subscribed.set(docId, subscribing);
    return subscribing;
  }

  unsubscribe(docId: string): void {
    if (!this.subscribed.delete(docId)) return;
    this.subscriber.unsubscribe(docChannelPrefix + docId).catch((error: unknown) => this.reportOnce(error));
  }

  publishUpdate(docId: string, seq: number, update: Uint8Array): void {
    this.publish(docChannelPrefix + docId, encodeBusMessage({ kind: 'update', from: this.relayId, seq, update }));
  }

  publishAwareness(docId: string, update: Uint8Array): void {
    this.publish(docChannelPrefix + docId, encodeBusMessage({ kind: 'awareness', from: this.relayId, update }));
  }

  publishAccessChange(): void {
    this.publish(accessChannel, this.relayId);
  }

  publishEvents(userIds: readonly string[]): void {
    this.publish(eventsChannel, JSON.stringify({ from: this.relayId, users: userIds }));
  }

  async markPresent(userIds: readonly string[], now: number, forMs: number): Promise<void> {
    if (userIds.length === 0) return;
    const marking = this.publisher.multi();
    for (const userId of userIds) {
      const key = presencePrefix + userId;
      marking.zAdd(key, { score: now + forMs, value: this.relayId });
      // The whole set goes once no relay renews it, so accounts long gone leave no keys behind; the
      // latest mark sets the longest life, counted by Redis's own clock.
      marking.pExpire(key, forMs);
    }
    await marking.exec();
  }

  async markAbsent(userId: string): Promise<void> {
    await this.publisher.zRem(presencePrefix + userId, this.relayId);
  }

  async isPresent(userId: string, now: number): Promise<boolean> {
    return (await this.publisher.zCount(presencePrefix + userId, `(${now}`, '+inf')) > 0;
  }

  async countInWindow(key: string, windowMs: number, now: number): Promise<number> {
    const windowKey = `${windowPrefix}${key}:${Math.floor(now / windowMs)}`;
    const [count] = await this.publisher.multi().incr(windowKey).pExpire(windowKey, windowMs).exec();
    return Number(count);
  }

  async addFailure(key: string, at: number, forgetAfterMs: number): Promise<FailureRun> {
    const runKey = failuresPrefix + key;
    const [count] = await this.publisher
      .multi()
      .hIncrBy(runKey, 'count', 1)
      .hSet(runKey, 'lastAt', at)
      .pExpire(runKey, forgetAfterMs)
      .exec();
    return { count: Number(count), lastAt: at };
  }

  async failureRun(key: string): Promise<FailureRun | null> {
    const run = await this.publisher.hGetAll(failuresPrefix + key);
    const count = Number(run.count);
    const lastAt = Number(run.lastAt);
    return Number.isSafeInteger(count) && Number.isSafeInteger(lastAt) && count > 0 ? { count, lastAt } : null;
  }

  async endFailures(key: string): Promise<void> {
    await this.publisher.del(failuresPrefix + key);
  }

  async close(): Promise<void> {
    this.listener = null;
    await Promise.allSettled([this.publisher.close(), this.subscriber.close()]);
  }

  private publish(channel: string, message: Uint8Array | string): void {
    if (!this.publisher.isReady) return;
    const payload =
      typeof message === 'string' ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    this.publisher.publish(channel, payload).catch((error: unknown) => this.reportOnce(error));
  }

  private hear(docId: string, bytes: Buffer): void {
    const message = decodeBusMessage(bytes);
    if (message === null || message.from === this.relayId || this.listener === null) return;
    if (message.kind === 'update') this.listener.update(docId, message.seq, message.update);
    else this.listener.awareness(docId, message.update);
  }

  /** Another relay's accounts with new events; a message that is not one is dropped. */
  private hearEvents(message: string): void {
    const users = accountsAnnounced(message, this.relayId);
    if (users !== null && users.length > 0) this.listener?.eventsStored(users);
  }

  /** The subscriber is connected again (its channels are subscribed again first): what was missed is repaired. */
  private ready(): void {
    this.failing = false;
    if (!this.everReady) {
      this.everReady = true;
      return;
    }
    this.listener?.reconnected();
  }

  /** Logged once per run of failures: a Redis that is down would otherwise log every retry. */
  private reportOnce(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    if (this.reporting !== null) reportFailure(this.reporting, 'bus', error);
  }
}

/** The accounts another relay announced (`{from, users}`); null for this relay's own message or one that is not that. */
function accountsAnnounced(message: string, ownRelayId: string): readonly string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { from, users } = parsed as { from?: unknown; users?: unknown };
  if (typeof from !== 'string' || from === ownRelayId || !Array.isArray(users)) return null;
  return users.every((user): user is string => typeof user === 'string') ? users : null;
}
