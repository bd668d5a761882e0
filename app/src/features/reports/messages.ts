import { defineMessages } from '../../i18n/index.js';

export const reportMessages = defineMessages({
  en: { title: 'Reports' },
  es: { title: 'Informes' },
  de: { title: 'Berichte' },
});
