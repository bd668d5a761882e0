import { defineMessages } from '../../i18n/index.js';

/** What the account form says when another device deleted the account while it was open. */
export const accountFormMessages = defineMessages({
  en: {
    deleted: 'This account was deleted on another device while you were editing it. Your changes are still here.',
    restoreSave: 'Save it again as a restored account',
  },
  es: {
    deleted: 'Esta cuenta se eliminó en otro dispositivo mientras la editabas. Tus cambios siguen aquí.',
    restoreSave: 'Guardarla de nuevo como cuenta recuperada',
  },
  de: {
    deleted:
      'Dieses Konto wurde auf einem anderen Gerät gelöscht, während du es bearbeitet hast. Deine Änderungen sind noch da.',
    restoreSave: 'Als wiederhergestelltes Konto erneut speichern',
  },
});
