import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { FailureReporting } from '../failures.js';
import { DueQueue, retryWaitMs } from '../queue/due-queue.js';
import type { Accounts } from '../storage/accounts/accounts.js';
import type { OutboxPush, PushStore } from '../storage/push/push-store.js';
import type { VapidKeys } from './vapid-keys.js';

const keepMs = 30 * 24 * 60 * 60 * 1000;
/** How long a push service keeps a message for a device that is offline. */
const timeToLiveSeconds = 24 * 60 * 60;
const requestTimeoutMs = 30_000;

export interface PushCounters {
  pushesSent: number;
  pushesRetried: number;
  pushesFailed: number;
}

export interface PushSenderOptions {
  readonly store: PushStore;
  readonly accounts: Accounts;
  readonly vapidKeys: VapidKeys;
  /** Who runs this relay, for push services to contact (RFC 8292): an `https:` or `mailto:` URL. */
  readonly subject: string;
  readonly retryMs: number;
  readonly maxAttempts: number;
  /** The HTTPS agent that reaches push services; tests pass one that trusts their own certificate. */
  readonly agent?: Agent;
  /** The relay's clock: when a push is due and when it finished. */
  readonly now: () => number;
  readonly reporting: FailureReporting & { readonly metrics: PushCounters };
}

type Outcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'gone'; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Sends the push queue's due messages, encrypted for each subscription (RFC 8291, aes128gcm) and
 * signed with the relay's VAPID key, and sleeps until the next is due or `wake` is called (N2).
 * A push is marked sent only once the push service accepted it.
 */
export class PushSender {
  private readonly queue: DueQueue<OutboxPush>;

  constructor(private readonly options: PushSenderOptions) {
    const { store } = options;
    this.queue = new DueQueue({
      kind: 'push',
      reporting: options.reporting,
      now: options.now,
      retryMs: options.retryMs,
      keepMs,
      prune: (before) => store.prune(before),
      due: (now, limit) => store.duePushes(now, limit),
      nextDueAt: () => store.nextDueAt(),
      deliver: (push) => this.deliver(push),
    });
  }

  /** Sends what is due now; called when a push is queued, and at start for what a previous run left. */
  wake(): void {
    this.queue.wake();
  }

  /** Stops sending; a push being sent finishes first. */
  async stop(): Promise<void> {
    await this.queue.stop();
  }

  private async deliver(push: OutboxPush): Promise<void> {
    const { store, reporting } = this.options;
    const outcome = await this.attempt(push);
    const attempts = push.attempts + 1;
    switch (outcome.kind) {
      case 'sent':
        await store.markSent(push.id, this.options.now());
        reporting.metrics.pushesSent++;
        return;
      case 'gone':
        await store.removeSubscription(push.endpoint);
        await store.markFailed(push.id, this.options.now(), outcome.reason);
        reporting.metrics.pushesFailed++;
        reporting.logger.info(
          { pushId: push.id, reason: outcome.reason },
          'a push subscription is gone and was removed',
        );
        return;
      case 'retry':
        if (attempts < this.options.maxAttempts) {
          const waitMs = retryWaitMs(this.options.retryMs, attempts);
          await store.markRetry(push.id, this.options.now() + waitMs, outcome.reason);
          reporting.metrics.pushesRetried++;
          reporting.logger.info(
            { pushId: push.id, attempts, reason: outcome.reason, retryInMs: waitMs },
            'a push could not be delivered yet; it will be tried again',
          );
          return;
        }
        await this.fail(push, attempts, outcome.reason);
        return;
      case 'failed':
        await this.fail(push, attempts, outcome.reason);
        return;
      default: {
        const unknown: never = outcome;
        throw new Error(`unknown push outcome ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async fail(push: OutboxPush, attempts: number, reason: string): Promise<void> {
    await this.options.store.markFailed(push.id, this.options.now(), reason);
    this.options.reporting.metrics.pushesFailed++;
    this.options.reporting.logger.warn(
      { pushId: push.id, attempts, reason },
      'a push could not be delivered and will not be tried again',
    );
  }

  private async attempt(push: OutboxPush): Promise<Outcome> {
    const subscription = await this.options.store.findSubscription(push.endpoint);
    if (subscription === null) return { kind: 'gone', reason: 'the device unsubscribed' };
    const device = await this.options.accounts.findDevice(subscription.deviceId);
    if (device === null || device.revokedAt !== null) return { kind: 'gone', reason: 'the device was revoked' };
    try {
      await webpush.sendNotification(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        push.payload,
        {
          vapidDetails: { subject: this.options.subject, ...this.options.vapidKeys },
          TTL: timeToLiveSeconds,
          contentEncoding: 'aes128gcm',
          timeout: requestTimeoutMs,
          ...(this.options.agent === undefined ? {} : { agent: this.options.agent }),
        },
      );
      return { kind: 'sent' };
    } catch (error) {
      return outcomeOf(error);
    }
  }
}

/** 404 and 410 mean the subscription is gone (RFC 8030 §7.3); 429, 5xx and the network may pass. */
function outcomeOf(error: unknown): Outcome {
  if (error instanceof webpush.WebPushError) {
    const reason = `push service answered ${error.statusCode}${error.body ? `: ${error.body.slice(0, 200)}` : ''}`;
    if (error.statusCode === 404 || error.statusCode === 410) return { kind: 'gone', reason };
    if (error.statusCode === 429 || error.statusCode >= 500) return { kind: 'retry', reason };
    return { kind: 'failed', reason };
  }
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
}
