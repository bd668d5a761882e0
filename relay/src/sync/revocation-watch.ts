import type { EventSockets } from '../events/event-sockets.js';
import { type FailureReporting, reportFailure } from '../failures.js';
import type { Accounts } from '../storage/accounts/accounts.js';
import type { DeviceSockets } from './device-sockets.js';
import type { MemberSockets } from './member-sockets.js';
import { closeCodes } from './peer-socket.js';

/** How often the relay reads the access-change feed: a revocation closes sockets within this, and a query's time. */
export const revocationCheckMs = 250;

/**
 * Closes the open sockets of devices revoked, accounts disabled (A6) and memberships changed or
 * ended (L3) by any process sharing the storage — the admin CLI, another relay — by reading the
 * access-change feed a few times a second (S8). One indexed query per check; a device, account or
 * membership is looked up only when it has sockets open here.
 */
export class RevocationWatch {
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  private failing = false;

  constructor(
    private readonly accounts: Accounts,
    private readonly deviceSockets: DeviceSockets,
    private readonly memberSockets: MemberSockets,
    private readonly eventSockets: EventSockets,
    private readonly reporting: FailureReporting,
  ) {}

  async start(): Promise<void> {
    this.seq = await this.accounts.lastAccessChange();
    this.timer = setInterval(() => void this.check(), revocationCheckMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const changes = await this.accounts.accessChangesSince(this.seq);
      this.seq = changes.seq;
      for (const deviceId of changes.deviceIds) {
        if (!this.deviceSockets.hasDevice(deviceId) && !this.eventSockets.hasDevice(deviceId)) continue;
        const device = await this.accounts.findDevice(deviceId);
        if (device === null || device.revokedAt !== null) {
          this.deviceSockets.closeDevice(deviceId, closeCodes.policyViolation, 'device revoked');
          this.eventSockets.closeDevice(deviceId);
        }
      }
      for (const userId of changes.userIds) {
        if (!this.memberSockets.hasUser(userId) && !this.eventSockets.hasUser(userId)) continue;
        const user = await this.accounts.findUser(userId);
        if (user === null || user.disabledAt !== null) {
          this.memberSockets.closeDisabled(userId);
          this.eventSockets.closeDisabled(userId);
        }
      }
      for (const { userId, docId } of changes.memberships) {
        if (!this.memberSockets.hasUser(userId)) continue;
        this.memberSockets.reconcile(userId, docId, await this.accounts.docRole(userId, docId));
      }
      this.failing = false;
    } catch (error) {
      // Logged once per run of failures, not four times a second.
      if (!this.failing) reportFailure(this.reporting, 'revocation-check', error);
      this.failing = true;
    } finally {
      this.checking = false;
    }
  }
}
