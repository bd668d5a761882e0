import { type FailureReporting, reportFailure } from '../failures.js';
import type { Notifier } from '../push/notifier.js';
import { bookingStatusWords, bookingUpdateMessage, chatMessagesMessage } from '../push/push-messages.js';
import type { BookingEvent, BookingRecord } from '../storage/advisors/advisors.js';
import type { ChatMessage } from '../storage/conversations/conversations.js';
import type { MailLanguage } from '../storage/mail/mail-store.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import type { EventPresence } from './event-presence.js';

/** A conversation notifies a person away at most once per this long (N5). */
export const chatQuietMs = 15 * 60_000;

export interface OfflineNoticesOptions {
  readonly storage: RelayStorage;
  readonly notifier: Notifier;
  readonly presence: EventPresence;
  readonly now: () => number;
  readonly reporting: FailureReporting;
}

/**
 * Tells the people a booking's news concerns who have no events socket open on any relay, by
 * push and email as they chose for `bookings` and `messages` (N5). Nobody is told of what they
 * did themselves; a conversation's messages make one notification per person per quarter hour.
 */
export class OfflineNotices {
  constructor(private readonly options: OfflineNoticesOptions) {}

  /** A booking made or moved. Never rejects: a failure is reported, and the booking stands. */
  async bookingChanged(booking: BookingRecord, event: BookingEvent): Promise<void> {
    // The relay moves an accepted booking on at once; what it becomes is the news.
    if (event.to === 'accepted') return;
    const actorId = event.actor.kind === 'relay' ? null : event.actor.userId;
    // A paid session's client hears "payment received" from the payment itself (PAY4), which says it is confirmed.
    const paidBy = event.from === 'awaiting_payment' && event.to === 'confirmed' ? booking.clientId : null;
    for (const userId of [booking.clientId, booking.advisorId]) {
      if (userId === actorId || userId === paidBy) continue;
      await this.quietly(async () => {
        if (await this.options.presence.isConnected(userId)) return;
        const { language, date } = await this.personOf(userId, booking.start);
        await this.options.notifier.notify({
          userId,
          kind: 'bookings',
          dedupeKey: `booking-notice:${booking.id}:${event.to}:${userId}`,
          language,
          message: bookingUpdateMessage(language, booking.id, { date, status: event.to }),
          mail: { kind: 'booking-update', values: { date, status: bookingStatusWords(language, event.to) } },
        });
      });
    }
  }

  /** A message stored. Never rejects: a failure is reported, and the message stands. */
  async messagePosted(booking: BookingRecord, message: ChatMessage): Promise<void> {
    const userId = message.senderId === booking.clientId ? booking.advisorId : booking.clientId;
    const quarter = Math.floor(message.createdAt / chatQuietMs);
    await this.quietly(async () => {
      if (await this.options.presence.isConnected(userId)) return;
      const { language, date } = await this.personOf(userId, booking.start);
      await this.options.notifier.notify({
        userId,
        kind: 'messages',
        dedupeKey: `chat-notice:${booking.id}:${userId}:${quarter}`,
        language,
        message: chatMessagesMessage(language, booking.id, { date }),
        mail: { kind: 'chat-messages', values: { date, minutes: String(chatQuietMs / 60_000) } },
      });
    });
  }

  /** The person's language, and the session's start as it writes it in their time zone. */
  private async personOf(userId: string, start: number): Promise<{ language: MailLanguage; date: string }> {
    const { storage } = this.options;
    const language = (await storage.mail.languageOf(userId)) ?? 'en';
    const timeZone = (await storage.push.preferencesOf(userId)).timeZone ?? 'UTC';
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(start);
    return { language, date };
  }

  private async quietly(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      reportFailure(this.options.reporting, 'events', error);
    }
  }
}
