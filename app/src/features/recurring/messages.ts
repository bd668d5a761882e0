import { defineMessages } from '../../i18n/index.js';

export const recurringMessages = defineMessages({
  en: { title: 'Recurring' },
  es: { title: 'Periódicos' },
  de: { title: 'Daueraufträge' },
});
