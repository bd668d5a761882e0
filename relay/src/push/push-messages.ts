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
