import type { SharedPresence } from '../bus/shared-presence.js';
import { type FailureReporting, reportFailure } from '../failures.js';
import type { EventSockets } from './event-sockets.js';

/** How long a relay's mark that an account is connected lasts unless renewed (N6). */
export const presenceMarkMs = 30_000;
/** How often a relay renews the marks of the accounts connected to it: well within a mark's life. */
const renewEveryMs = 10_000;

/**
 * Whether a person has an events socket open, on this relay or, with several relays (`REDIS_URL`),
 * on any of them (N5, N6): the push-or-email decision asks here. Each relay marks the accounts it
 * holds sockets of in the shared presence when their first socket opens, renews the marks while
 * they stay, and takes them back when their last socket closes; a relay that stops without a word
 * is forgotten when its marks run out. While the shared presence fails, this relay's own sockets
 * decide.
 */
export class EventPresence {
  private timer: NodeJS.Timeout | undefined;
  /** Whether the last call to the shared presence failed: a Redis that is down is reported once, not on every call. */
  private failing = false;

  constructor(
    private readonly sockets: EventSockets,
    private readonly shared: SharedPresence | null,
    private readonly reporting: FailureReporting,
  ) {
    // Still heard while the relay shuts down: the sockets it closes then take their marks back.
    sockets.onPresenceChange((userId, present) => {
      if (!present) void this.quietly(() => shared?.markAbsent(userId));
    });
  }

  /** Renews this relay's marks until stopped. */
  start(): void {
    if (this.shared === null) return;
    this.timer = setInterval(() => void this.renew(), renewEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * Marks the account connected on every relay before its new socket is told it is in step, so from
   * then on no relay mails or pushes what the socket shows live.
   */
  async arrived(userId: string): Promise<void> {
    await this.quietly(() => this.shared?.markPresent([userId], Date.now(), presenceMarkMs));
    // Its sockets may all have closed while the mark was on its way; their close took back nothing yet.
    if (!this.sockets.hasUser(userId)) await this.quietly(() => this.shared?.markAbsent(userId));
  }

  /** Whether the account has an events socket open on this relay, or on another that says so. */
  async isConnected(userId: string): Promise<boolean> {
    if (this.sockets.hasUser(userId)) return true;
    const { shared } = this;
    if (shared === null) return false;
    let present = false;
    await this.quietly(async () => {
      present = await shared.isPresent(userId, Date.now());
    });
    return present;
  }

  private renew(): Promise<void> {
    return this.quietly(() => this.shared?.markPresent(this.sockets.users(), Date.now(), presenceMarkMs));
  }

  private async quietly(work: () => Promise<void> | undefined): Promise<void> {
    try {
      await work();
      this.failing = false;
    } catch (error) {
      if (!this.failing) reportFailure(this.reporting, 'bus', error);
      this.failing = true;
    }
  }
}
