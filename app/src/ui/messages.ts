import { defineMessages } from '../i18n/index.js';

/** Words every record form and list shares, defined once so they are translated once. */
export const formMessages = defineMessages({
  en: {
    archive: 'Archive',
    unarchive: 'Unarchive',
    cancel: 'Cancel',
    delete: 'Delete',
    edit: 'Edit',
    category: 'Category',
  },
  es: {
    archive: 'Archivar',
    unarchive: 'Desarchivar',
    cancel: 'Cancelar',
    delete: 'Eliminar',
    edit: 'Editar',
    category: 'Categoría',
  },
  de: {
    archive: 'Archivieren',
    unarchive: 'Wiederherstellen',
    cancel: 'Abbrechen',
    delete: 'Löschen',
    edit: 'Bearbeiten',
    category: 'Kategorie',
  },
});
