import { defineMessages } from '../../i18n/index.js';

export const importMessages = defineMessages({
  en: { title: 'Import' },
  es: { title: 'Importar' },
  de: { title: 'Import' },
});
