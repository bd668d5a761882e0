import { defineMessages } from '../../i18n/index.js';

/** The words of changing the account's email address, and of the screen its link opens (relay SPEC M7). */
export const emailChangeMessages = defineMessages({
  en: {
    changeTitle: 'Change your email address',
    changeHint:
      'The relay mails a link to the new address; your address changes only once that link is opened. Your current address gets a notice.',
    newEmail: 'New email address',
    currentPassword: 'Your password',
    passwordMissing: 'Type your password.',
    sendChange: 'Mail the new address a link',
    changeAsked:
      'Unless {email} already has an account, a mail with a link is on its way there. It works for 24 hours.',
    wrongPassword: 'The password is wrong.',
    mailOff: 'This relay sends no mail, so it cannot change your address. Ask whoever runs it.',
    confirmTitle: 'Your new email address',
    confirming: 'Changing your email address…',
    changed: 'Your account’s email address is now {email}. Log in with it from now on.',
    linkInvalid: 'This link has expired or was already used, so nothing changed. Ask again in Settings.',
    taken: 'Another account took this address meanwhile, so your address stays as it was.',
  },
  es: {
    changeTitle: 'Cambia tu dirección de correo',
    changeHint:
      'El relay envía un enlace a la dirección nueva; tu dirección solo cambia cuando se abre ese enlace. Tu dirección actual recibe un aviso.',
    newEmail: 'Dirección de correo nueva',
    currentPassword: 'Tu contraseña',
    passwordMissing: 'Escribe tu contraseña.',
    sendChange: 'Enviar un enlace a la dirección nueva',
    changeAsked:
      'Salvo que {email} ya tenga una cuenta, va de camino allí un correo con un enlace. Sirve durante 24 horas.',
    wrongPassword: 'La contraseña no es correcta.',
    mailOff: 'Este relay no envía correo, así que no puede cambiar tu dirección. Pregunta a quien lo gestiona.',
    confirmTitle: 'Tu nueva dirección de correo',
    confirming: 'Cambiando tu dirección de correo…',
    changed: 'La dirección de correo de tu cuenta ahora es {email}. Inicia sesión con ella a partir de ahora.',
    linkInvalid: 'Este enlace ha caducado o ya se usó, así que no ha cambiado nada. Vuelve a pedirlo en Ajustes.',
    taken: 'Otra cuenta ha tomado esta dirección mientras tanto, así que tu dirección sigue igual.',
  },
  de: {
    changeTitle: 'E-Mail-Adresse ändern',
    changeHint:
      'Das Relay schickt einen Link an die neue Adresse; deine Adresse ändert sich erst, wenn dieser Link geöffnet wird. Deine bisherige Adresse bekommt einen Hinweis.',
    newEmail: 'Neue E-Mail-Adresse',
    currentPassword: 'Dein Passwort',
    passwordMissing: 'Gib dein Passwort ein.',
    sendChange: 'Link an die neue Adresse schicken',
    changeAsked:
      'Sofern {email} noch kein Konto hat, ist eine E-Mail mit einem Link dorthin unterwegs. Er funktioniert 24 Stunden lang.',
    wrongPassword: 'Das Passwort ist falsch.',
    mailOff: 'Dieses Relay verschickt keine E-Mails und kann deine Adresse daher nicht ändern. Frag, wer es betreibt.',
    confirmTitle: 'Deine neue E-Mail-Adresse',
    confirming: 'Deine E-Mail-Adresse wird geändert…',
    changed: 'Die E-Mail-Adresse deines Kontos ist jetzt {email}. Melde dich ab jetzt damit an.',
    linkInvalid:
      'Dieser Link ist abgelaufen oder wurde schon benutzt, daher hat sich nichts geändert. Fordere in den Einstellungen einen neuen an.',
    taken: 'Ein anderes Konto hat diese Adresse inzwischen bekommen, daher bleibt deine Adresse, wie sie war.',
  },
});
