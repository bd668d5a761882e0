import { defineMessages } from '../../i18n/index.js';

/** The words of the screens a link in a mail opens, and of asking for a password reset. */
export const accountMailMessages = defineMessages({
  en: {
    forgotPassword: 'Forgot password?',
    resetTitle: 'Reset your password',
    resetHint:
      'Enter your account’s email: the relay mails it a link to choose a new password. The link works for an hour.',
    sendResetLink: 'Mail me a link',
    resetAsked:
      'If {email} has an account on this relay, a mail with a link is on its way. The link works for an hour.',
    backToLogIn: 'Back to log in',
    verifyTitle: 'Verify your email address',
    verifying: 'Verifying your email address…',
    verified: 'Your email address is verified.',
    verifyLinkInvalid: 'This link has expired or was already used, so nothing was verified.',
    linkIncomplete: 'This link is incomplete. Open it again from the mail, whole.',
    newPasswordTitle: 'Choose a new password',
    newPassword: 'New password',
    newPasswordRule:
      'At least 10 characters, at least 5 of them different. Commonly used passwords and your email address are refused.',
    newPasswordShort: 'The new password needs at least 10 characters.',
    setPassword: 'Set the new password',
    passwordChanged:
      'Your password is changed. Every device signed in to this account was signed out: log in again with the new password.',
    resendVerification: 'Mail me a new link',
    verificationResent: 'Unless your address is verified already, a new link is on its way. It works for a week.',
    toSettings: 'Go to Settings',
    finishTitle: 'Finish creating your account',
    finishHint: 'Type the password you chose when you registered. The account is made only with it.',
    finishPasswordMissing: 'Type the password you chose when you registered.',
    finishWrongPassword:
      'This is not the password chosen when this link was asked for. If you did not ask for it, ignore the mail.',
    finishAction: 'Create my account',
    accountReady: 'Your account is ready. Log in from Settings with your email and this password.',
  },
  es: {
    forgotPassword: '¿Has olvidado la contraseña?',
    resetTitle: 'Restablece tu contraseña',
    resetHint:
      'Escribe el correo de tu cuenta: el relay le enviará un enlace para elegir una contraseña nueva. El enlace sirve durante una hora.',
    sendResetLink: 'Envíame un enlace',
    resetAsked:
      'Si {email} tiene una cuenta en este relay, va de camino un correo con un enlace. El enlace sirve durante una hora.',
    backToLogIn: 'Volver a iniciar sesión',
    verifyTitle: 'Verifica tu dirección de correo',
    verifying: 'Verificando tu dirección de correo…',
    verified: 'Tu dirección de correo está verificada.',
    verifyLinkInvalid: 'Este enlace ha caducado o ya se usó, así que no se ha verificado nada.',
    linkIncomplete: 'Este enlace está incompleto. Vuelve a abrirlo desde el correo, entero.',
    newPasswordTitle: 'Elige una contraseña nueva',
    newPassword: 'Contraseña nueva',
    newPasswordRule:
      'Al menos 10 caracteres, y al menos 5 distintos. No se aceptan contraseñas muy usadas ni tu dirección de correo.',
    newPasswordShort: 'La contraseña nueva necesita al menos 10 caracteres.',
    setPassword: 'Guardar la contraseña nueva',
    passwordChanged:
      'Tu contraseña ha cambiado. Se ha cerrado la sesión en todos los dispositivos de esta cuenta: vuelve a iniciarla con la contraseña nueva.',
    resendVerification: 'Envíame un enlace nuevo',
    verificationResent:
      'Salvo que tu dirección ya esté verificada, va de camino un enlace nuevo. Sirve durante una semana.',
    toSettings: 'Ir a Ajustes',
    finishTitle: 'Termina de crear tu cuenta',
    finishHint: 'Escribe la contraseña que elegiste al registrarte. La cuenta solo se crea con ella.',
    finishPasswordMissing: 'Escribe la contraseña que elegiste al registrarte.',
    finishWrongPassword:
      'Esta no es la contraseña elegida cuando se pidió este enlace. Si no lo pediste tú, ignora el correo.',
    finishAction: 'Crear mi cuenta',
    accountReady: 'Tu cuenta está lista. Inicia sesión desde Ajustes con tu correo y esta contraseña.',
  },
  de: {
    forgotPassword: 'Passwort vergessen?',
    resetTitle: 'Passwort zurücksetzen',
    resetHint:
      'Gib die E-Mail-Adresse deines Kontos ein: Das Relay schickt ihr einen Link, mit dem du ein neues Passwort wählst. Der Link gilt eine Stunde.',
    sendResetLink: 'Link zuschicken',
    resetAsked:
      'Wenn {email} ein Konto auf diesem Relay hat, ist eine E-Mail mit einem Link unterwegs. Der Link gilt eine Stunde.',
    backToLogIn: 'Zurück zur Anmeldung',
    verifyTitle: 'E-Mail-Adresse bestätigen',
    verifying: 'Deine E-Mail-Adresse wird bestätigt …',
    verified: 'Deine E-Mail-Adresse ist bestätigt.',
    verifyLinkInvalid: 'Dieser Link ist abgelaufen oder wurde schon benutzt, es wurde nichts bestätigt.',
    linkIncomplete: 'Dieser Link ist unvollständig. Öffne ihn noch einmal ganz aus der E-Mail.',
    newPasswordTitle: 'Neues Passwort wählen',
    newPassword: 'Neues Passwort',
    newPasswordRule:
      'Mindestens 10 Zeichen, davon mindestens 5 verschiedene. Häufig benutzte Passwörter und deine E-Mail-Adresse werden abgelehnt.',
    newPasswordShort: 'Das neue Passwort braucht mindestens 10 Zeichen.',
    setPassword: 'Neues Passwort speichern',
    passwordChanged:
      'Dein Passwort ist geändert. Alle Geräte dieses Kontos wurden abgemeldet: Melde dich mit dem neuen Passwort wieder an.',
    resendVerification: 'Neuen Link zuschicken',
    verificationResent:
      'Sofern deine Adresse nicht schon bestätigt ist, ist ein neuer Link unterwegs. Er gilt eine Woche.',
    toSettings: 'Zu den Einstellungen',
    finishTitle: 'Konto fertig anlegen',
    finishHint: 'Gib das Passwort ein, das du bei der Registrierung gewählt hast. Nur damit wird das Konto angelegt.',
    finishPasswordMissing: 'Gib das Passwort ein, das du bei der Registrierung gewählt hast.',
    finishWrongPassword:
      'Das ist nicht das Passwort, mit dem dieser Link angefordert wurde. Wenn du ihn nicht angefordert hast, ignoriere die E-Mail.',
    finishAction: 'Mein Konto anlegen',
    accountReady: 'Dein Konto ist bereit. Melde dich in den Einstellungen mit deiner E-Mail und diesem Passwort an.',
  },
});
