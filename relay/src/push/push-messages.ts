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

/** A bill reminder in the person's language; a click opens the recurring transactions (N4). */
export function billReminderMessage(language: MailLanguage, values: BillReminderValues): PushMessage {
  return { ...billReminder[language](values), screen: '/recurring' };
}
