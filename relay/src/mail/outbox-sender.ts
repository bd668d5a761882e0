import { createHash } from 'node:crypto';
import type { FailureReporting } from '../failures.js';
import { DueQueue, retryWaitMs } from '../queue/due-queue.js';
import type { MailStore, OutboxMail } from '../storage/mail/mail-store.js';
import { deliveryFailure, type MailTransport } from './smtp-transport.js';
import { renderMail, templateValuesOf } from './templates.js';

const dayMs = 24 * 60 * 60 * 1000;
/** Finished mails and expired links are kept this long, for an operator to look into (M1). */
const keepMs = 30 * dayMs;

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
  private readonly queue: DueQueue<OutboxMail>;

  constructor(private readonly options: OutboxSenderOptions) {
    const { store } = options;
    this.queue = new DueQueue({
      kind: 'mail',
      reporting: options.reporting,
      now: () => Date.now(),
      retryMs: options.retryMs,
      keepMs,
      prune: (before) => store.prune(before),
      due: (now, limit) => store.dueMails(now, limit),
      nextDueAt: () => store.nextDueAt(),
      deliver: (mail) => this.deliver(mail),
    });
  }

  /** Sends what is due now; called when a mail is queued, and at start for what a previous run left. */
  wake(): void {
    this.queue.wake();
  }

  /** Stops sending; a mail being sent finishes first. */
  async stop(): Promise<void> {
    await this.queue.stop();
    this.options.transport.close();
  }

  private async deliver(mail: OutboxMail): Promise<void> {
    const { store, transport, reporting } = this.options;
    const values = templateValuesOf(mail.kind, mail.values);
    if (values === null) {
      await store.markFailed(mail.id, Date.now(), 'the mail lacks a value its template fills in');
      reporting.metrics.mailsFailed++;
      return;
    }
    const rendered = renderMail(mail.kind, mail.language, values);
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
        const waitMs = retryWaitMs(this.options.retryMs, attempts);
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
