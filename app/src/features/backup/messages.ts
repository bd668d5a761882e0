import { defineMessages } from '../../i18n/index.js';

export const backupMessages = defineMessages({
  en: { title: 'Your data' },
  es: { title: 'Tus datos' },
  de: { title: 'Deine Daten' },
});
