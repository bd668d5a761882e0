import { defineMessages } from '../../i18n/index.js';

export const currencyMessages = defineMessages({
  en: { title: 'Currencies' },
  es: { title: 'Divisas' },
  de: { title: 'Währungen' },
});
