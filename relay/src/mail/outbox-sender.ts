import { createHash } from 'node:crypto';
import { type FailureReporting, reportFailure } from '../failures.js';
import type { MailStore, OutboxMail } from '../storage/mail/mail-store.js';
import { deliveryFailure, type MailTransport } from './smtp-transport.js';
import { renderMail } from './templates.js';

const maxRetryWaitMs = 6 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
/** Finished mails and expired links are kept this long, for an operator to look into (M1). */
const keepMs = 30 * dayMs;
const pruneEveryMs = 60 * 60 * 1000;
const batch = 20;
// setTimeout takes at most a signed 32-bit number of milliseconds.
const maxTimerMs = 2 ** 31 - 1;

export interface MailCounters {
  mailsSent: number;
  mailsRetried: number;
  mailsFailed: number;
}

export interface OutboxSenderOptions {
  readonly store: MailStore;
  readonly transport: MailTransport;
  readonly from: string;
  /** The host of `PUBLIC_URL`, for each mail's Message-ID. */
  readonly host: string;
  readonly retryMs: number;
  readonly maxAttempts: number;
  readonly reporting: FailureReporting & { readonly metrics: MailCounters };
}

/**
 * Sends the outbox's due mails, one at a time, and sleeps until the next is due or `wake` is
 * called (M1, M2). A mail is marked sent only after the mail server accepted it.
 */
export class OutboxSender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: OutboxSenderOptions) {}

  /** Sends what is due now; called when a mail is queued, and at start for what a previous run left. */
  wake(): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.wakeAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().then((drained) => {
      this.running = null;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      } else if (drained) {
        void this.sleep();
      } else {
        // The outbox could not be read or updated: try again in a while, not at once.
        this.wakeLater(this.options.retryMs);
      }
    });
  }

  /** Stops sending; a mail being sent finishes first. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.options.transport.close();
  }

  /** Sends every due mail; false when the outbox failed. */
  private async drain(): Promise<boolean> {
    try {
      const now = Date.now();
      if (now - this.prunedAt >= pruneEveryMs) {
        await this.options.store.prune(now - keepMs);
        this.prunedAt = now;
      }
      for (;;) {
        const due = await this.options.store.dueMails(Date.now(), batch);
        if (due.length === 0) return true;
        for (const mail of due) {
          if (this.stopped) return true;
          await this.deliver(mail);
        }
      }
    } catch (error) {
      reportFailure(this.options.reporting, 'mail', error);
      return false;
    }
  }

  private wakeLater(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.min(maxTimerMs, Math.max(0, delayMs)));
    this.timer.unref();
  }

  private async sleep(): Promise<void> {
    try {
      const next = await this.options.store.nextDueAt();
      if (next === null || this.running !== null) return;
      this.wakeLater(next - Date.now());
    } catch (error) {
      reportFailure(this.options.reporting, 'mail', error);
      this.wakeLater(this.options.retryMs);
    }
  }

  private async deliver(mail: OutboxMail): Promise<void> {
    const { store, transport, reporting } = this.options;
    const { link, hours } = mail.values;
    if (link === undefined || hours === undefined) {
      await store.markFailed(mail.id, Date.now(), 'the mail has no link to send');
      reporting.metrics.mailsFailed++;
      return;
    }
    const rendered = renderMail(mail.kind, mail.language, { link, hours });
    try {
      await transport.send({ from: this.options.from, to: mail.to, ...rendered, messageId: this.messageId(mail) });
    } catch (error) {
      const failure = deliveryFailure(error);
      const attempts = mail.attempts + 1;
      const fields = { mailId: mail.id, kind: mail.kind, attempts, reason: failure.reason };
      if (failure.permanent || attempts >= this.options.maxAttempts) {
        await store.markFailed(mail.id, Date.now(), failure.reason);
        reporting.metrics.mailsFailed++;
        reporting.logger.warn(fields, 'a mail could not be delivered and will not be tried again');
      } else {
        const waitMs = Math.min(maxRetryWaitMs, this.options.retryMs * 2 ** (attempts - 1));
        await store.markRetry(mail.id, Date.now() + waitMs, failure.reason);
        reporting.metrics.mailsRetried++;
        reporting.logger.info(
          { ...fields, retryInMs: waitMs },
          'a mail could not be delivered yet; it will be tried again',
        );
      }
      return;
    }
    await store.markSent(mail.id, Date.now());
    reporting.metrics.mailsSent++;
  }

  private messageId(mail: OutboxMail): string {
    return `<${createHash('sha256').update(mail.dedupeKey).digest('hex').slice(0, 32)}@${this.options.host}>`;
  }
}
