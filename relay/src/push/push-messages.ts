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

/** A bill reminder in the person's language; a click opens the recurring transactions (N4). */
export function billReminderMessage(language: MailLanguage, values: BillReminderValues): PushMessage {
  return { ...billReminder[language](values), screen: '/recurring' };
}
