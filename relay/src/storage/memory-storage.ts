import type { PaymentEvent } from '../payments/payment-event.js';
import type { Admission, AdmissionOutcome, NewLedgerInvitation, NewUser } from './accounts/accounts.js';
import { MemoryAccounts } from './accounts/memory-accounts.js';
import { MemoryAdvisors } from './advisors/memory-advisors.js';
import { MemoryBlobRecords } from './blobs/memory-blob-records.js';
import { MemoryConversations } from './conversations/memory-conversations.js';
import { MemoryLedgerDocuments } from './documents/memory-ledger-documents.js';
import { MemoryEventStore } from './events/memory-event-store.js';
import type { AccountWelcome, NewMail } from './mail/mail-store.js';
import { MemoryMailStore } from './mail/memory-mail-store.js';
import { MemoryPaymentStore } from './payments/memory-payment-store.js';
import { bookingChangeOf, type PaymentFulfilment } from './payments/payment-store.js';
import { MemoryPushStore } from './push/memory-push-store.js';
import type { EmailChangeOutcome, NewNotification, RelayStorage } from './relay-storage.js';

/** Storage that lives and dies with the process: for fast tests. */
export class MemoryStorage implements RelayStorage {
  readonly documents = new MemoryLedgerDocuments();
  readonly accounts = new MemoryAccounts();
  readonly mail = new MemoryMailStore();
  readonly push = new MemoryPushStore();
  readonly events = new MemoryEventStore();
  readonly conversations = new MemoryConversations();
  readonly advisors = new MemoryAdvisors();
  readonly payments = new MemoryPaymentStore();
  readonly blobs = new MemoryBlobRecords();

  async registerUser(user: NewUser, admission: Admission, welcome: AccountWelcome): Promise<AdmissionOutcome> {
    const outcome = await this.accounts.admitUser(user, admission);
    if (outcome === 'created') {
      await this.mail.setLanguage(user.id, welcome.language);
      if (welcome.verification !== null)
        await this.mail.issueToken(welcome.verification.token, welcome.verification.mail);
    }
    return outcome;
  }

  async notify(notification: NewNotification): Promise<boolean> {
    const { dedupeKey, userId, createdAt, pushes, mail } = notification;
    if (!(await this.push.notify(dedupeKey, userId, createdAt, pushes))) return false;
    if (mail !== null) await this.mail.enqueue(mail);
    return true;
  }

  async changeEmail(tokenHash: string, at: number): Promise<EmailChangeOutcome> {
    const change = await this.mail.spendEmailChange(tokenHash, at);
    if (change === null) return { kind: 'invalid' };
    if (!(await this.accounts.setEmail(change.userId, change.email))) return { kind: 'taken' };
    await this.mail.markVerified(change.userId, at);
    return { kind: 'changed', ...change };
  }

  async inviteToLedger(
    invitation: NewLedgerInvitation,
    mail: NewMail | null,
    notification: NewNotification | null,
  ): Promise<void> {
    await this.accounts.createLedgerInvitation(invitation);
    if (mail !== null) await this.mail.enqueue(mail);
    if (notification !== null) await this.notify(notification);
  }

  async fulfilPayment(event: PaymentEvent, at: number): Promise<PaymentFulfilment> {
    const fulfilment = this.payments.fulfilNow(event, at);
    const change = bookingChangeOf(fulfilment, event, at);
    const booking = change === null ? null : this.advisors.transitionBookingNow(change);
    if (fulfilment.outcome !== 'paid' || booking !== null || fulfilment.payment === null)
      return { ...fulfilment, booking };
    const late = this.payments.markLateNow(event.provider, fulfilment.payment.checkoutId, at);
    return { outcome: 'late', payment: late, booking: null };
  }

  async close(): Promise<void> {}
}
