import { type FailureReporting, reportFailure } from '../failures.js';
import { closeCodes } from '../sync/peer-socket.js';
import type { EventBus } from './event-bus.js';
import type { EventStream } from './event-stream.js';

/**
 * The events sockets open on this relay, by account and by device: an announced account's streams
 * catch up (E4); a revoked device's or a disabled account's close (E7); each closes when the access
 * token it opened with expires, and the device reconnects with its renewed one.
 */
export class EventSockets {
  private readonly byUser = new Map<string, Set<EventStream>>();
  private readonly expiries = new Map<EventStream, NodeJS.Timeout>();
  private readonly unsubscribe: () => void;
  private readonly presenceListeners = new Set<(userId: string, present: boolean) => void>();

  constructor(
    bus: EventBus,
    private readonly reporting: FailureReporting,
  ) {
    this.unsubscribe = bus.subscribe((userId) => this.deliver(userId));
  }

  add(stream: EventStream, expiresAt: number): void {
    let streams = this.byUser.get(stream.userId);
    if (streams === undefined) {
      streams = new Set();
      this.byUser.set(stream.userId, streams);
      this.tellPresence(stream.userId, true);
    }
    streams.add(stream);
    const expiry = setTimeout(
      () => stream.close(closeCodes.tokenExpired, 'access token expired'),
      expiresAt - Date.now(),
    );
    expiry.unref();
    this.expiries.set(stream, expiry);
  }

  remove(stream: EventStream): void {
    clearTimeout(this.expiries.get(stream));
    this.expiries.delete(stream);
    const streams = this.byUser.get(stream.userId);
    streams?.delete(stream);
    if (streams?.size === 0) {
      this.byUser.delete(stream.userId);
      this.tellPresence(stream.userId, false);
    }
  }

  /** Told when an account's first events socket here opens (`true`) and its last closes (`false`). */
  onPresenceChange(listener: (userId: string, present: boolean) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** The accounts with an events socket open here. */
  users(): string[] {
    return [...this.byUser.keys()];
  }

  /** Every socket here reads what it has not sent yet: announcements may have been lost (E11). */
  catchUpAll(): void {
    for (const userId of this.users()) this.deliver(userId);
  }

  /** Whether the account has an events socket open on this relay. */
  hasUser(userId: string): boolean {
    return this.byUser.has(userId);
  }

  hasDevice(deviceId: string): boolean {
    return this.countOf(deviceId) > 0;
  }

  /** How many events sockets the device holds open here. */
  countOf(deviceId: string): number {
    let count = 0;
    for (const streams of this.byUser.values()) {
      for (const stream of streams) if (stream.deviceId === deviceId) count++;
    }
    return count;
  }

  get count(): number {
    let count = 0;
    for (const streams of this.byUser.values()) count += streams.size;
    return count;
  }

  closeDevice(deviceId: string): void {
    for (const streams of [...this.byUser.values()]) {
      for (const stream of [...streams]) {
        if (stream.deviceId === deviceId) stream.close(closeCodes.policyViolation, 'device revoked');
      }
    }
  }

  closeDisabled(userId: string): void {
    for (const stream of [...(this.byUser.get(userId) ?? [])]) {
      stream.close(closeCodes.accountDisabled, 'account disabled');
    }
  }

  closeAll(): void {
    this.unsubscribe();
    for (const streams of [...this.byUser.values()]) {
      for (const stream of [...streams]) stream.close(closeCodes.goingAway, 'relay shutting down');
    }
  }

  private tellPresence(userId: string, present: boolean): void {
    for (const listener of this.presenceListeners) listener(userId, present);
  }

  private deliver(userId: string): void {
    for (const stream of this.byUser.get(userId) ?? []) {
      stream.catchUp().catch((error: unknown) => {
        reportFailure(this.reporting, 'events', error, { userId });
        stream.close(closeCodes.internalError, 'internal error');
      });
    }
  }
}
