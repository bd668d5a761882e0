import { defineMessages } from '../i18n/index.js';

/** Words shared by every record form. */
export const formMessages = defineMessages({
  en: { archive: 'Archive', unarchive: 'Unarchive', cancel: 'Cancel' },
  es: { archive: 'Archivar', unarchive: 'Desarchivar', cancel: 'Cancelar' },
  de: { archive: 'Archivieren', unarchive: 'Wiederherstellen', cancel: 'Abbrechen' },
});

/** What a screen says when its code could not be loaded, and what Tally says when it failed as a whole. */
export const failureMessages = defineMessages({
  en: {
    screenFailed: 'This screen could not be loaded. Check your connection, then try again. Your data is safe.',
    retry: 'Try again',
    close: 'Close',
    appFailed: 'Something went wrong and Tally stopped. Your data is safe on this device; reload to carry on.',
    reload: 'Reload',
  },
  es: {
    screenFailed:
      'No se pudo cargar esta pantalla. Comprueba tu conexión y vuelve a intentarlo. Tus datos están a salvo.',
    retry: 'Reintentar',
    close: 'Cerrar',
    appFailed:
      'Algo ha fallado y Tally se ha detenido. Tus datos están a salvo en este dispositivo; recarga para seguir.',
    reload: 'Recargar',
  },
  de: {
    screenFailed:
      'Diese Ansicht konnte nicht geladen werden. Prüfe deine Verbindung und versuche es erneut. Deine Daten sind sicher.',
    retry: 'Erneut versuchen',
    close: 'Schließen',
    appFailed:
      'Etwas ist schiefgegangen und Tally wurde angehalten. Deine Daten sind auf diesem Gerät sicher; lade neu, um weiterzumachen.',
    reload: 'Neu laden',
  },
});
