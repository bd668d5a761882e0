import type { BookingStatus } from '@tally/schema';
import type { MailLanguage } from '../storage/mail/mail-store.js';

/** What the service worker shows, and the app's screen (its hash route) a click opens (N1). */
export interface PushMessage {
  readonly title: string;
  readonly body: string;
  readonly screen: string;
}

interface BillReminderValues {
  readonly payee: string;
  /** The amount as the person's language writes money. */
  readonly amount: string;
}

const billReminder: Record<MailLanguage, (values: BillReminderValues) => Omit<PushMessage, 'screen'>> = {
  en: ({ payee, amount }) => ({ title: `Due tomorrow: ${payee}`, body: `${amount} is due tomorrow.` }),
  es: ({ payee, amount }) => ({ title: `Vence mañana: ${payee}`, body: `Mañana vence el pago de ${amount}.` }),
  de: ({ payee, amount }) => ({ title: `Morgen fällig: ${payee}`, body: `${amount} sind morgen fällig.` }),
};

const ledgerInvitation: Record<MailLanguage, (inviter: string) => Omit<PushMessage, 'screen'>> = {
  en: (inviter) => ({
    title: `${inviter} invited you to a ledger`,
    body: 'Open Tally and join it with the code from the invitation.',
  }),
  es: (inviter) => ({
    title: `${inviter} te ha invitado a un libro de cuentas`,
    body: 'Abre Tally y únete con el código de la invitación.',
  }),
  de: (inviter) => ({
    title: `${inviter} hat dich zu einem Haushaltsbuch eingeladen`,
    body: 'Öffne Tally und tritt mit dem Code aus der Einladung bei.',
  }),
};

/**
 * A ledger invitation in the invitee's language; a click opens the screen that accepts it (L7).
 * Without the code: a push is kept after it is sent, and the code only ever travels by mail.
 */
export function ledgerInvitationMessage(language: MailLanguage, inviter: string): PushMessage {
  return { ...ledgerInvitation[language](inviter), screen: '/accept' };
}

/** What a payment notice is about (PAY4). */
export type PaymentNotice = 'payment-received' | 'refund-issued' | 'payment-failed';

const paymentNotices: Record<PaymentNotice, Record<MailLanguage, (amount: string) => Omit<PushMessage, 'screen'>>> = {
  'payment-received': {
    en: (amount) => ({ title: 'Payment received', body: `${amount} paid: your advisor session is confirmed.` }),
    es: (amount) => ({ title: 'Pago recibido', body: `${amount} pagados: tu sesión con el asesor está confirmada.` }),
    de: (amount) => ({ title: 'Zahlung erhalten', body: `${amount} bezahlt: dein Beratungstermin ist bestätigt.` }),
  },
  'refund-issued': {
    en: (amount) => ({ title: 'Refund issued', body: `${amount} has been refunded in full.` }),
    es: (amount) => ({ title: 'Reembolso emitido', body: `Te hemos reembolsado ${amount} completos.` }),
    de: (amount) => ({ title: 'Erstattung veranlasst', body: `${amount} wurden vollständig erstattet.` }),
  },
  'payment-failed': {
    en: (amount) => ({
      title: 'Payment failed',
      body: `Your payment of ${amount} did not go through; the time is free again.`,
    }),
    es: (amount) => ({
      title: 'El pago ha fallado',
      body: `Tu pago de ${amount} no se ha completado; el horario vuelve a estar libre.`,
    }),
    de: (amount) => ({
      title: 'Zahlung fehlgeschlagen',
      body: `Deine Zahlung von ${amount} ist nicht durchgegangen; der Termin ist wieder frei.`,
    }),
  },
};

/** A payment notice in the person's language; a click opens their booking. */
export function paymentMessage(
  language: MailLanguage,
  notice: PaymentNotice,
  bookingId: string,
  amount: string,
): PushMessage {
  return { ...paymentNotices[notice][language](amount), screen: `/bookings/${encodeURIComponent(bookingId)}` };
}

/** A bill reminder in the person's language; a click opens the recurring transactions (N4). */
export function billReminderMessage(language: MailLanguage, values: BillReminderValues): PushMessage {
  return { ...billReminder[language](values), screen: '/recurring' };
}

/** A booking's status as each language says it of a session (N5). */
const statusWords: Record<MailLanguage, Record<BookingStatus, string>> = {
  en: {
    requested: 'requested',
    accepted: 'accepted',
    awaiting_payment: 'waiting for payment',
    confirmed: 'confirmed',
    declined: 'declined',
    expired: 'expired',
    cancelled: 'cancelled',
    completed: 'completed',
    no_show: 'missed',
  },
  es: {
    requested: 'solicitada',
    accepted: 'aceptada',
    awaiting_payment: 'pendiente de pago',
    confirmed: 'confirmada',
    declined: 'rechazada',
    expired: 'caducada',
    cancelled: 'cancelada',
    completed: 'completada',
    no_show: 'no atendida',
  },
  de: {
    requested: 'angefragt',
    accepted: 'angenommen',
    awaiting_payment: 'wartet auf Zahlung',
    confirmed: 'bestätigt',
    declined: 'abgelehnt',
    expired: 'abgelaufen',
    cancelled: 'abgesagt',
    completed: 'abgeschlossen',
    no_show: 'versäumt',
  },
};

export function bookingStatusWords(language: MailLanguage, status: BookingStatus): string {
  return statusWords[language][status];
}

interface SessionValues {
  /** The session's start as the person's language writes it, in their time zone. */
  readonly date: string;
}

const bookingUpdate: Record<
  MailLanguage,
  (values: SessionValues & { readonly status: string }) => Omit<PushMessage, 'screen'>
> = {
  en: ({ date, status }) => ({ title: `Session ${status}`, body: `The session on ${date} is now ${status}.` }),
  es: ({ date, status }) => ({ title: `Sesión ${status}`, body: `La sesión del ${date} está ahora ${status}.` }),
  de: ({ date, status }) => ({ title: `Termin ${status}`, body: `Der Termin am ${date} ist jetzt ${status}.` }),
};

const chatMessages: Record<MailLanguage, (values: SessionValues) => Omit<PushMessage, 'screen'>> = {
  en: ({ date }) => ({ title: 'New messages', body: `About the session on ${date}.` }),
  es: ({ date }) => ({ title: 'Mensajes nuevos', body: `Sobre la sesión del ${date}.` }),
  de: ({ date }) => ({ title: 'Neue Nachrichten', body: `Zum Termin am ${date}.` }),
};

/** News of a booking in the person's language; a click opens the booking (N5). */
export function bookingUpdateMessage(
  language: MailLanguage,
  bookingId: string,
  values: SessionValues & { readonly status: BookingStatus },
): PushMessage {
  const status = bookingStatusWords(language, values.status);
  return { ...bookingUpdate[language]({ date: values.date, status }), screen: `/bookings/${bookingId}` };
}

/** New messages in a booking's conversation, in the person's language; a click opens it (N5). */
export function chatMessagesMessage(language: MailLanguage, bookingId: string, values: SessionValues): PushMessage {
  return { ...chatMessages[language](values), screen: `/bookings/${bookingId}/conversation` };
}
