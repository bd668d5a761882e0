import type { BillReminderValues, BookingUpdateValues, ChatMessagesValues, PaymentValues } from '../mail/templates.js';
import type { NewLedgerInvitation } from '../storage/accounts/accounts.js';
import type { MailLanguage, NewMail } from '../storage/mail/mail-store.js';
import type { NotificationKind } from '../storage/push/push-store.js';
import type { NewNotification, RelayStorage } from '../storage/relay-storage.js';
import { ledgerInvitationMessage, type PushMessage } from './push-messages.js';

const hourMs = 60 * 60 * 1000;

/** What a notification's mail says, but its link: the link opens the screen its push names. */
export type NotificationMail =
  | { readonly kind: 'bill-reminder'; readonly values: Omit<BillReminderValues, 'link'> }
  | { readonly kind: 'booking-update'; readonly values: Omit<BookingUpdateValues, 'link'> }
  | { readonly kind: 'chat-messages'; readonly values: Omit<ChatMessagesValues, 'link'> }
  | {
      readonly kind: 'payment-received' | 'refund-issued' | 'payment-failed';
      readonly values: Omit<PaymentValues, 'link'>;
    };

export interface Notification {
  readonly userId: string;
  readonly kind: NotificationKind;
  /** The same key is one notification: it is made once, whatever happens after (N2). */
  readonly dedupeKey: string;
  /** The person's language, which the message and the mail are written in. */
  readonly language: MailLanguage;
  readonly message: PushMessage;
  readonly mail: NotificationMail;
}

/** The mail channel: the outbox's sender, woken when a mail is queued, and where links point. */
export interface MailChannel {
  readonly sender: { wake(): void };
  readonly publicUrl: string;
}

/**
 * Tells a person something by the channels they chose for its kind (N3). Push goes to every
 * device they subscribed, through the push queue; email goes to their address once it is
 * verified, through the mail outbox. Both are queued with the notification's dedupe key in one
 * transaction, so neither is sent twice, or lost, across restarts.
 */
export class Notifier {
  constructor(
    private readonly storage: RelayStorage,
    /** The push queue's sender, woken when pushes are queued; null when push is off. */
    private readonly push: { wake(): void } | null,
    /** Null when mail is off. */
    private readonly mail: MailChannel | null,
    private readonly now: () => number,
  ) {}

  /** Makes the notification unless one with its dedupe key was made; true when it was made now. */
  async notify(notification: Notification): Promise<boolean> {
    const { userId, kind, dedupeKey, message } = notification;
    const at = this.now();
    const choice = (await this.storage.push.preferencesOf(userId)).kinds[kind];
    const subscriptions = this.push !== null && choice.push ? await this.storage.push.subscriptionsOf(userId) : [];
    const payload = JSON.stringify(message);
    const mail = choice.email ? await this.mailOf(notification, at) : null;
    const made = await this.storage.notify({
      dedupeKey,
      userId,
      createdAt: at,
      pushes: subscriptions.map((subscription) => ({ endpoint: subscription.endpoint, payload, createdAt: at })),
      mail,
    });
    if (made && subscriptions.length > 0) this.push?.wake();
    if (made && mail !== null) this.mail?.sender.wake();
    return made;
  }

  /**
   * Stores a ledger invitation and, in the same transaction, queues what tells the invitee (L7):
   * an address with no account is mailed the invitation's link, in the inviter's language; an
   * account is told by the channels it chose for invitations, in its own language — the mail to
   * the address the owner named, the push without the code. True when the invitation was mailed.
   */
  async ledgerInvitation(
    invitation: NewLedgerInvitation,
    code: string,
    inviter: { readonly id: string; readonly email: string },
  ): Promise<boolean> {
    const at = this.now();
    const invitee = await this.storage.accounts.findUserByEmail(invitation.email);
    const language =
      (invitee === null ? null : await this.storage.mail.languageOf(invitee.id)) ??
      (await this.storage.mail.languageOf(inviter.id)) ??
      'en';
    const dedupeKey = `ledger-invitation:${invitation.id}`;
    const mail: NewMail | null =
      this.mail === null
        ? null
        : {
            dedupeKey,
            to: invitation.email,
            kind: 'ledger-invitation',
            language,
            values: {
              link: `${this.mail.publicUrl}/#/accept?code=${encodeURIComponent(code)}`,
              inviter: inviter.email,
              hours: String(Math.round((invitation.expiresAt - invitation.createdAt) / hourMs)),
            },
            createdAt: at,
          };
    if (invitee === null) {
      await this.storage.inviteToLedger(invitation, mail, null);
      if (mail !== null) this.mail?.sender.wake();
      return mail !== null;
    }
    const choice = (await this.storage.push.preferencesOf(invitee.id)).kinds.invitations;
    const subscriptions = this.push !== null && choice.push ? await this.storage.push.subscriptionsOf(invitee.id) : [];
    const payload = JSON.stringify(ledgerInvitationMessage(language, inviter.email));
    const notification: NewNotification = {
      dedupeKey,
      userId: invitee.id,
      createdAt: at,
      pushes: subscriptions.map((subscription) => ({ endpoint: subscription.endpoint, payload, createdAt: at })),
      mail: choice.email ? mail : null,
    };
    await this.storage.inviteToLedger(invitation, null, notification);
    if (subscriptions.length > 0) this.push?.wake();
    if (notification.mail !== null) this.mail?.sender.wake();
    return notification.mail !== null;
  }

  /** The notification's mail, when mail is on and the person's address is verified (N3). */
  private async mailOf(notification: Notification, at: number): Promise<NewMail | null> {
    if (this.mail === null) return null;
    const { userId, dedupeKey, language, message } = notification;
    if ((await this.storage.mail.verifiedAt(userId)) === null) return null;
    const user = await this.storage.accounts.findUser(userId);
    if (user === null) return null;
    return {
      dedupeKey,
      to: user.email,
      kind: notification.mail.kind,
      language,
      values: { ...notification.mail.values, link: `${this.mail.publicUrl}/#${message.screen}` },
      createdAt: at,
    };
  }
}
