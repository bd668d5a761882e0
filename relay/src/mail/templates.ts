import type { MailKind, MailLanguage } from '../storage/mail/mail-store.js';

/** One mail's words: each `{name}` is filled in with that value of the mail as it is written. */
interface TemplateWords {
  readonly subject: string;
  readonly greeting: string;
  readonly lead: string;
  /** The words of the link's button. */
  readonly action: string;
  /** Below the link: how long it works, or what the mail is about. */
  readonly note: string;
  /** Last: what to do if the mail is unwanted. */
  readonly closing: string;
}

const templates: Record<MailKind, Record<MailLanguage, TemplateWords>> = {
  'email-verification': {
    en: {
      subject: 'Confirm your email address for Tally',
      greeting: 'Hello,',
      lead: 'You created a Tally account with this email address. Confirm that it is yours:',
      action: 'Confirm my address',
      note: 'The link works once, for {hours} hours.',
      closing: 'If you did not create an account, ignore this mail: nothing will happen.',
    },
    es: {
      subject: 'Confirma tu dirección de correo para Tally',
      greeting: 'Hola:',
      lead: 'Has creado una cuenta de Tally con esta dirección de correo. Confirma que es tuya:',
      action: 'Confirmar mi dirección',
      note: 'El enlace funciona una sola vez, durante {hours} horas.',
      closing: 'Si no has creado ninguna cuenta, ignora este correo: no pasará nada.',
    },
    de: {
      subject: 'Bestätige deine E-Mail-Adresse für Tally',
      greeting: 'Hallo,',
      lead: 'Du hast mit dieser E-Mail-Adresse ein Tally-Konto angelegt. Bestätige, dass sie dir gehört:',
      action: 'Meine Adresse bestätigen',
      note: 'Der Link funktioniert einmal, {hours} Stunden lang.',
      closing: 'Wenn du kein Konto angelegt hast, ignoriere diese E-Mail: Es passiert nichts.',
    },
  },
  'password-reset': {
    en: {
      subject: 'Set a new password for Tally',
      greeting: 'Hello,',
      lead: 'Someone asked to set a new password for the Tally account of this email address. If it was you, choose a new one here:',
      action: 'Set a new password',
      note: 'The link works once, for {hours} hours. Setting a new password signs out every device of the account.',
      closing: 'If you did not ask, ignore this mail: your password stays as it is.',
    },
    es: {
      subject: 'Elige una contraseña nueva para Tally',
      greeting: 'Hola:',
      lead: 'Alguien ha pedido una contraseña nueva para la cuenta de Tally de esta dirección de correo. Si has sido tú, elígela aquí:',
      action: 'Elegir una contraseña nueva',
      note: 'El enlace funciona una sola vez, durante {hours} horas. Al cambiar la contraseña se cierra la sesión en todos los dispositivos de la cuenta.',
      closing: 'Si no lo has pedido tú, ignora este correo: tu contraseña no cambia.',
    },
    de: {
      subject: 'Neues Passwort für Tally festlegen',
      greeting: 'Hallo,',
      lead: 'Jemand hat ein neues Passwort für das Tally-Konto dieser E-Mail-Adresse angefordert. Wenn du es warst, wähle hier ein neues:',
      action: 'Neues Passwort festlegen',
      note: 'Der Link funktioniert einmal, {hours} Stunden lang. Ein neues Passwort meldet alle Geräte des Kontos ab.',
      closing: 'Wenn du es nicht angefordert hast, ignoriere diese E-Mail: Dein Passwort bleibt, wie es ist.',
    },
  },
  registration: {
    en: {
      subject: 'Finish creating your Tally account',
      greeting: 'Hello,',
      lead: 'Someone asked to create a Tally account with this email address. If it was you, open this link to finish, then sign in with the password you chose:',
      action: 'Create my account',
      note: 'The link works for {hours} hours.',
      closing: 'If you did not ask, ignore this mail: no account will be made.',
    },
    es: {
      subject: 'Termina de crear tu cuenta de Tally',
      greeting: 'Hola:',
      lead: 'Alguien ha pedido crear una cuenta de Tally con esta dirección de correo. Si has sido tú, abre este enlace para terminar y después inicia sesión con la contraseña que elegiste:',
      action: 'Crear mi cuenta',
      note: 'El enlace funciona durante {hours} horas.',
      closing: 'Si no lo has pedido tú, ignora este correo: no se creará ninguna cuenta.',
    },
    de: {
      subject: 'Schließe das Anlegen deines Tally-Kontos ab',
      greeting: 'Hallo,',
      lead: 'Jemand möchte mit dieser E-Mail-Adresse ein Tally-Konto anlegen. Wenn du es warst, öffne diesen Link, um es abzuschließen, und melde dich dann mit dem gewählten Passwort an:',
      action: 'Mein Konto anlegen',
      note: 'Der Link funktioniert {hours} Stunden lang.',
      closing: 'Wenn du es nicht warst, ignoriere diese E-Mail: Es wird kein Konto angelegt.',
    },
  },
  'registration-attempt': {
    en: {
      subject: 'Someone tried to create a Tally account with your address',
      greeting: 'Hello,',
      lead: 'Someone tried to create a Tally account with this email address, which already has one. If it was you, sign in as usual; if you forgot your password, choose a new one here:',
      action: 'Set a new password',
      note: 'The link works once, for {hours} hours. Setting a new password signs out every device of the account.',
      closing: 'If it was not you, ignore this mail: your account and your password stay as they are.',
    },
    es: {
      subject: 'Alguien ha intentado crear una cuenta de Tally con tu dirección',
      greeting: 'Hola:',
      lead: 'Alguien ha intentado crear una cuenta de Tally con esta dirección de correo, que ya tiene una. Si has sido tú, inicia sesión como siempre; si has olvidado tu contraseña, elige otra aquí:',
      action: 'Elegir una contraseña nueva',
      note: 'El enlace funciona una sola vez, durante {hours} horas. Al cambiar la contraseña se cierra la sesión en todos los dispositivos de la cuenta.',
      closing: 'Si no has sido tú, ignora este correo: tu cuenta y tu contraseña no cambian.',
    },
    de: {
      subject: 'Jemand wollte mit deiner Adresse ein Tally-Konto anlegen',
      greeting: 'Hallo,',
      lead: 'Jemand wollte mit dieser E-Mail-Adresse ein Tally-Konto anlegen, doch sie hat schon eines. Wenn du es warst, melde dich wie gewohnt an; wenn du dein Passwort vergessen hast, wähle hier ein neues:',
      action: 'Neues Passwort festlegen',
      note: 'Der Link funktioniert einmal, {hours} Stunden lang. Ein neues Passwort meldet alle Geräte des Kontos ab.',
      closing: 'Wenn du es nicht warst, ignoriere diese E-Mail: Dein Konto und dein Passwort bleiben, wie sie sind.',
    },
  },
  'email-change': {
    en: {
      subject: 'Confirm your new email address for Tally',
      greeting: 'Hello,',
      lead: 'Someone asked to use this email address for their Tally account. If it was you, confirm it, and the account signs in with this address from then on:',
      action: 'Use this address',
      note: 'The link works once, for {hours} hours. Until it is opened, the account keeps its current address.',
      closing: 'If you did not ask, ignore this mail: nothing will change.',
    },
    es: {
      subject: 'Confirma tu nueva dirección de correo para Tally',
      greeting: 'Hola:',
      lead: 'Alguien ha pedido usar esta dirección de correo para su cuenta de Tally. Si has sido tú, confírmalo y, desde entonces, la cuenta iniciará sesión con esta dirección:',
      action: 'Usar esta dirección',
      note: 'El enlace funciona una sola vez, durante {hours} horas. Hasta que se abra, la cuenta conserva su dirección actual.',
      closing: 'Si no lo has pedido tú, ignora este correo: no cambiará nada.',
    },
    de: {
      subject: 'Bestätige deine neue E-Mail-Adresse für Tally',
      greeting: 'Hallo,',
      lead: 'Jemand möchte diese E-Mail-Adresse für sein Tally-Konto verwenden. Wenn du es warst, bestätige es; danach meldet sich das Konto mit dieser Adresse an:',
      action: 'Diese Adresse verwenden',
      note: 'Der Link funktioniert einmal, {hours} Stunden lang. Bis er geöffnet wird, behält das Konto seine bisherige Adresse.',
      closing: 'Wenn du es nicht angefordert hast, ignoriere diese E-Mail: Es ändert sich nichts.',
    },
  },
  'email-change-notice': {
    en: {
      subject: 'Someone asked to change the email address of your Tally account',
      greeting: 'Hello,',
      lead: 'Someone asked to change the email address of the Tally account with this address to {email}. The address changes only once the link mailed to {email} is opened; until then you sign in with this one.',
      action: 'Open Tally',
      note: 'If it was you, there is nothing more to do here.',
      closing:
        'If it was not you, someone knows your password: choose a new one with “Forgot password” when signing in, which signs out every device of the account.',
    },
    es: {
      subject: 'Alguien ha pedido cambiar la dirección de correo de tu cuenta de Tally',
      greeting: 'Hola:',
      lead: 'Alguien ha pedido cambiar la dirección de correo de la cuenta de Tally de esta dirección por {email}. La dirección solo cambia cuando se abre el enlace enviado a {email}; mientras tanto, inicias sesión con esta.',
      action: 'Abrir Tally',
      note: 'Si has sido tú, no tienes que hacer nada más aquí.',
      closing:
        'Si no has sido tú, alguien conoce tu contraseña: elige otra con «¿Has olvidado la contraseña?» al iniciar sesión; así se cierra la sesión en todos los dispositivos de la cuenta.',
    },
    de: {
      subject: 'Jemand möchte die E-Mail-Adresse deines Tally-Kontos ändern',
      greeting: 'Hallo,',
      lead: 'Jemand möchte die E-Mail-Adresse des Tally-Kontos dieser Adresse in {email} ändern. Die Adresse ändert sich erst, wenn der an {email} gesandte Link geöffnet wird; bis dahin meldest du dich mit dieser an.',
      action: 'Tally öffnen',
      note: 'Wenn du es warst, musst du hier nichts weiter tun.',
      closing:
        'Wenn du es nicht warst, kennt jemand dein Passwort: Wähle beim Anmelden mit „Passwort vergessen“ ein neues; das meldet alle Geräte des Kontos ab.',
    },
  },
  'ledger-invitation': {
    en: {
      subject: '{inviter} invited you to a ledger in Tally',
      greeting: 'Hello,',
      lead: '{inviter} invited you to share a ledger in Tally. Open the invitation to join it:',
      action: 'Open the invitation',
      note: 'The invitation is for the Tally account of this email address, and works for {hours} hours.',
      closing: 'If you do not know {inviter}, ignore this mail: nothing will happen.',
    },
    es: {
      subject: '{inviter} te ha invitado a un libro de cuentas en Tally',
      greeting: 'Hola:',
      lead: '{inviter} te ha invitado a compartir un libro de cuentas en Tally. Abre la invitación para unirte:',
      action: 'Abrir la invitación',
      note: 'La invitación es para la cuenta de Tally de esta dirección de correo y funciona durante {hours} horas.',
      closing: 'Si no conoces a {inviter}, ignora este correo: no pasará nada.',
    },
    de: {
      subject: '{inviter} hat dich zu einem Haushaltsbuch in Tally eingeladen',
      greeting: 'Hallo,',
      lead: '{inviter} hat dich eingeladen, ein Haushaltsbuch in Tally zu teilen. Öffne die Einladung, um beizutreten:',
      action: 'Einladung öffnen',
      note: 'Die Einladung gilt für das Tally-Konto dieser E-Mail-Adresse und {hours} Stunden lang.',
      closing: 'Wenn du {inviter} nicht kennst, ignoriere diese E-Mail: Es passiert nichts.',
    },
  },
  'bill-reminder': {
    en: {
      subject: 'Due tomorrow: {payee}',
      greeting: 'Hello,',
      lead: '{payee}: {amount} is due tomorrow, {date}.',
      action: 'Open recurring transactions',
      note: 'When you pay it, record it in Tally and the bill is settled there too.',
      closing:
        'You get this mail because bill reminders by email are on in the settings of Tally; switch them off there.',
    },
    es: {
      subject: 'Vence mañana: {payee}',
      greeting: 'Hola:',
      lead: '{payee}: mañana, {date}, vence el pago de {amount}.',
      action: 'Abrir los movimientos periódicos',
      note: 'Cuando lo pagues, anótalo en Tally y quedará saldado allí también.',
      closing:
        'Recibes este correo porque los recordatorios de pagos por correo están activados en los ajustes de Tally; puedes desactivarlos allí.',
    },
    de: {
      subject: 'Morgen fällig: {payee}',
      greeting: 'Hallo,',
      lead: '{payee}: {amount} sind morgen, am {date}, fällig.',
      action: 'Wiederkehrende Buchungen öffnen',
      note: 'Wenn du bezahlst, trage es in Tally ein, dann ist die Rechnung auch dort erledigt.',
      closing:
        'Du bekommst diese E-Mail, weil Zahlungserinnerungen per E-Mail in den Einstellungen von Tally eingeschaltet sind; dort kannst du sie abschalten.',
    },
  },
  'booking-update': {
    en: {
      subject: 'Session on {date}: {status}',
      greeting: 'Hello,',
      lead: 'The advisory session on {date} is now {status}.',
      action: 'Open the booking',
      note: 'Tally shows who changed it and what comes next.',
      closing:
        'You get this mail because booking notifications by email are on in the settings of Tally; switch them off there.',
    },
    es: {
      subject: 'Sesión del {date}: {status}',
      greeting: 'Hola:',
      lead: 'La sesión de asesoría del {date} está ahora {status}.',
      action: 'Abrir la reserva',
      note: 'Tally muestra quién la ha cambiado y qué viene después.',
      closing:
        'Recibes este correo porque los avisos de reservas por correo están activados en los ajustes de Tally; puedes desactivarlos allí.',
    },
    de: {
      subject: 'Termin am {date}: {status}',
      greeting: 'Hallo,',
      lead: 'Der Beratungstermin am {date} ist jetzt {status}.',
      action: 'Buchung öffnen',
      note: 'Tally zeigt, wer ihn geändert hat und wie es weitergeht.',
      closing:
        'Du bekommst diese E-Mail, weil Benachrichtigungen zu Buchungen per E-Mail in den Einstellungen von Tally eingeschaltet sind; dort kannst du sie abschalten.',
    },
  },
  'chat-messages': {
    en: {
      subject: 'New messages about the session on {date}',
      greeting: 'Hello,',
      lead: 'There are new messages in the conversation about the advisory session on {date}.',
      action: 'Open the conversation',
      note: 'While you are away, Tally writes about one conversation at most once every {minutes} minutes.',
      closing:
        'You get this mail because message notifications by email are on in the settings of Tally; switch them off there.',
    },
    es: {
      subject: 'Mensajes nuevos sobre la sesión del {date}',
      greeting: 'Hola:',
      lead: 'Hay mensajes nuevos en la conversación sobre la sesión de asesoría del {date}.',
      action: 'Abrir la conversación',
      note: 'Mientras no estás, Tally avisa de cada conversación como mucho una vez cada {minutes} minutos.',
      closing:
        'Recibes este correo porque los avisos de mensajes por correo están activados en los ajustes de Tally; puedes desactivarlos allí.',
    },
    de: {
      subject: 'Neue Nachrichten zum Termin am {date}',
      greeting: 'Hallo,',
      lead: 'Im Gespräch zum Beratungstermin am {date} gibt es neue Nachrichten.',
      action: 'Gespräch öffnen',
      note: 'Solange du weg bist, schreibt Tally zu einem Gespräch höchstens alle {minutes} Minuten.',
      closing:
        'Du bekommst diese E-Mail, weil Benachrichtigungen zu Nachrichten per E-Mail in den Einstellungen von Tally eingeschaltet sind; dort kannst du sie abschalten.',
    },
  },
  'payment-received': {
    en: {
      subject: 'Payment received: {amount} for your advisor session',
      greeting: 'Hello,',
      lead: 'We received your payment of {amount}. Your advisor session is confirmed.',
      action: 'Open my booking',
      note: 'You can see every payment and refund in Tally, with your booking.',
      closing:
        'You get this mail because payment notices by email are on in the settings of Tally; switch them off there.',
    },
    es: {
      subject: 'Pago recibido: {amount} por tu sesión con un asesor',
      greeting: 'Hola:',
      lead: 'Hemos recibido tu pago de {amount}. Tu sesión con el asesor está confirmada.',
      action: 'Abrir mi reserva',
      note: 'En Tally, junto a tu reserva, ves cada pago y cada reembolso.',
      closing:
        'Recibes este correo porque los avisos de pagos por correo están activados en los ajustes de Tally; puedes desactivarlos allí.',
    },
    de: {
      subject: 'Zahlung erhalten: {amount} für deinen Beratungstermin',
      greeting: 'Hallo,',
      lead: 'Wir haben deine Zahlung von {amount} erhalten. Dein Beratungstermin ist bestätigt.',
      action: 'Meine Buchung öffnen',
      note: 'In Tally siehst du bei deiner Buchung jede Zahlung und jede Erstattung.',
      closing:
        'Du bekommst diese E-Mail, weil Zahlungshinweise per E-Mail in den Einstellungen von Tally eingeschaltet sind; dort kannst du sie abschalten.',
    },
  },
  'refund-issued': {
    en: {
      subject: 'Refund issued: {amount}',
      greeting: 'Hello,',
      lead: 'Your advisor session was cancelled and {amount} has been refunded in full to the way you paid.',
      action: 'Open my booking',
      note: 'Depending on your bank, the money can take a few days to show on your account.',
      closing:
        'You get this mail because payment notices by email are on in the settings of Tally; switch them off there.',
    },
    es: {
      subject: 'Reembolso emitido: {amount}',
      greeting: 'Hola:',
      lead: 'Tu sesión con el asesor se ha cancelado y te hemos reembolsado {amount} completos por el mismo medio de pago.',
      action: 'Abrir mi reserva',
      note: 'Según tu banco, el dinero puede tardar unos días en aparecer en tu cuenta.',
      closing:
        'Recibes este correo porque los avisos de pagos por correo están activados en los ajustes de Tally; puedes desactivarlos allí.',
    },
    de: {
      subject: 'Erstattung veranlasst: {amount}',
      greeting: 'Hallo,',
      lead: 'Dein Beratungstermin wurde abgesagt, und {amount} wurden vollständig auf dem Weg erstattet, auf dem du bezahlt hast.',
      action: 'Meine Buchung öffnen',
      note: 'Je nach Bank kann es ein paar Tage dauern, bis das Geld auf deinem Konto erscheint.',
      closing:
        'Du bekommst diese E-Mail, weil Zahlungshinweise per E-Mail in den Einstellungen von Tally eingeschaltet sind; dort kannst du sie abschalten.',
    },
  },
  'payment-failed': {
    en: {
      subject: 'Payment failed: your advisor session is not booked',
      greeting: 'Hello,',
      lead: "Your payment of {amount} did not go through, so the session's time has been released.",
      action: 'Open my booking',
      note: 'Nothing was charged. You can book another time with your advisor in Tally.',
      closing:
        'You get this mail because payment notices by email are on in the settings of Tally; switch them off there.',
    },
    es: {
      subject: 'El pago ha fallado: tu sesión con el asesor no está reservada',
      greeting: 'Hola:',
      lead: 'Tu pago de {amount} no se ha completado, así que el horario de la sesión ha quedado libre.',
      action: 'Abrir mi reserva',
      note: 'No se ha cobrado nada. Puedes reservar otro horario con tu asesor en Tally.',
      closing:
        'Recibes este correo porque los avisos de pagos por correo están activados en los ajustes de Tally; puedes desactivarlos allí.',
    },
    de: {
      subject: 'Zahlung fehlgeschlagen: dein Beratungstermin ist nicht gebucht',
      greeting: 'Hallo,',
      lead: 'Deine Zahlung von {amount} ist nicht durchgegangen, deshalb ist der Termin wieder frei.',
      action: 'Meine Buchung öffnen',
      note: 'Es wurde nichts abgebucht. In Tally kannst du bei deinem Berater eine andere Zeit buchen.',
      closing:
        'Du bekommst diese E-Mail, weil Zahlungshinweise per E-Mail in den Einstellungen von Tally eingeschaltet sind; dort kannst du sie abschalten.',
    },
  },
};

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What a mail with a link that works once, for some hours, fills in. */
export type LinkValues = { readonly link: string; readonly hours: string };

/** What a bill reminder fills in (N3): the amount and the date as the recipient's language writes them. */
export type BillReminderValues = {
  readonly link: string;
  readonly payee: string;
  readonly amount: string;
  readonly date: string;
};

/** What a booking's news fills in: the session's start and its status, as the recipient's language writes them. */
export type BookingUpdateValues = { readonly link: string; readonly date: string; readonly status: string };

/** What a conversation's news fills in: the session's start, and how often such a mail comes at most. */
export type ChatMessagesValues = { readonly link: string; readonly date: string; readonly minutes: string };

/** What the notice to an account's current address fills in: the address it is asked to change to. */
export type EmailChangeNoticeValues = { readonly link: string; readonly email: string };

/** What a ledger invitation fills in: who invited, the link with the invitation's code, how long it works. */
export type LedgerInvitationValues = { readonly link: string; readonly inviter: string; readonly hours: string };

/** What a payment notice fills in (PAY4): the amount as the recipient's language writes money. */
export type PaymentValues = { readonly link: string; readonly amount: string };

/** The values each kind of mail fills in. */
export interface TemplateValues {
  readonly 'email-verification': LinkValues;
  readonly 'password-reset': LinkValues;
  readonly registration: LinkValues;
  readonly 'registration-attempt': LinkValues;
  readonly 'email-change': LinkValues;
  readonly 'email-change-notice': EmailChangeNoticeValues;
  readonly 'ledger-invitation': LedgerInvitationValues;
  readonly 'bill-reminder': BillReminderValues;
  readonly 'booking-update': BookingUpdateValues;
  readonly 'chat-messages': ChatMessagesValues;
  readonly 'payment-received': PaymentValues;
  readonly 'refund-issued': PaymentValues;
  readonly 'payment-failed': PaymentValues;
}

const linkValueNames = ['link', 'hours'] as const;
const valueNames: { readonly [K in MailKind]: readonly (keyof TemplateValues[K])[] } = {
  'email-verification': linkValueNames,
  'password-reset': linkValueNames,
  registration: linkValueNames,
  'registration-attempt': linkValueNames,
  'email-change': linkValueNames,
  'email-change-notice': ['link', 'email'],
  'ledger-invitation': ['link', 'inviter', 'hours'],
  'bill-reminder': ['link', 'payee', 'amount', 'date'],
  'booking-update': ['link', 'date', 'status'],
  'chat-messages': ['link', 'date', 'minutes'],
  'payment-received': ['link', 'amount'],
  'refund-issued': ['link', 'amount'],
  'payment-failed': ['link', 'amount'],
};

/** The values a stored mail of this kind fills in; null when one is missing. */
export function templateValuesOf<K extends MailKind>(
  kind: K,
  stored: Readonly<Record<string, string>>,
): TemplateValues[K] | null {
  const values: Record<string, string> = {};
  for (const name of valueNames[kind]) {
    const value = stored[String(name)];
    if (value === undefined) return null;
    values[String(name)] = value;
  }
  return values as TemplateValues[K];
}

/** The words of one template in one language, for tests that check every language has its own. */
export function templateWords(kind: MailKind, language: MailLanguage): TemplateWords {
  return templates[kind][language];
}

function fill(words: string, values: Readonly<Record<string, string>>): string {
  // One pass: a value's own braces (a bill named `{amount}`) are never filled in.
  return words.replaceAll(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A mail in the recipient's language, as plain text and as HTML with the same words (M3). */
export function renderMail<K extends MailKind>(
  kind: K,
  language: MailLanguage,
  values: TemplateValues[K],
): RenderedMail {
  const words = templates[kind][language];
  const filled: Readonly<Record<string, string>> = values;
  const subject = fill(words.subject, filled);
  const lead = fill(words.lead, filled);
  const note = fill(words.note, filled);
  const closing = fill(words.closing, filled);
  const text = [words.greeting, '', lead, '', values.link, '', note, '', closing, '', '— Tally', ''].join('\n');
  const link = escapeHtml(values.link);
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem; margin: 0 auto; padding: 1rem;">
<p>${escapeHtml(words.greeting)}</p>
<p>${escapeHtml(lead)}</p>
<p><a href="${link}" style="display: inline-block; padding: 0.6rem 1rem; background: #1d5c4d; color: #ffffff; text-decoration: none; border-radius: 0.3rem;">${escapeHtml(words.action)}</a></p>
<p style="word-break: break-all;"><a href="${link}">${link}</a></p>
<p>${escapeHtml(note)}</p>
<p>${escapeHtml(closing)}</p>
<p>— Tally</p>
</body>
</html>
`;
  return { subject: subject, text, html };
}
