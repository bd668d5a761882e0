import { defineMessages } from '../i18n/index.js';

/** Words shared by every record form. */
export const formMessages = defineMessages({
  en: { archive: 'Archive', unarchive: 'Unarchive', cancel: 'Cancel' },
  es: { archive: 'Archivar', unarchive: 'Desarchivar', cancel: 'Cancelar' },
  de: { archive: 'Archivieren', unarchive: 'Wiederherstellen', cancel: 'Abbrechen' },
});
