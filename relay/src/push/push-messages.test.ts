import { bookingStatuses } from '@tally/schema';
import { describe, expect, it } from 'vitest';
import { mailLanguages } from '../storage/mail/mail-store.js';
import { billReminderMessage, bookingStatusWords, bookingUpdateMessage, chatMessagesMessage } from './push-messages.js';

const date = '5 January 2026, 09:00';
const messagesOf = (language: (typeof mailLanguages)[number]) => [
  billReminderMessage(language, { payee: 'Rent', amount: '€850.00' }),
  bookingUpdateMessage(language, 'booking-1', { date, status: 'confirmed' }),
  chatMessagesMessage(language, 'booking-1', { date }),
];

describe('[N4][N5] push messages', () => {
  it.each(mailLanguages.filter((language) => language !== 'en'))(
    'in %s, every title, body and status is its own, not the English, and names what it is about',
    (language) => {
      const english = messagesOf('en');
      const translated = messagesOf(language);
      translated.forEach((message, index) => {
        expect(message.title).not.toBe(english[index]?.title);
        expect(message.body).not.toBe(english[index]?.body);
        expect(message.screen).toBe(english[index]?.screen);
      });
      expect(translated[1]?.body).toContain(date);
      expect(translated[2]?.body).toContain(date);
      for (const status of bookingStatuses) {
        expect(bookingStatusWords(language, status)).not.toBe(bookingStatusWords('en', status));
      }
    },
  );

  it('a booking opens its screen, a conversation its own', () => {
    expect(bookingUpdateMessage('de', 'b-1', { date, status: 'cancelled' })).toEqual({
      title: 'Termin abgesagt',
      body: `Der Termin am ${date} ist jetzt abgesagt.`,
      screen: '/bookings/b-1',
    });
    expect(chatMessagesMessage('es', 'b-1', { date }).screen).toBe('/bookings/b-1/conversation');
  });
});
