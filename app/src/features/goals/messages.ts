import { defineMessages } from '../../i18n/index.js';

export const goalMessages = defineMessages({
  en: { title: 'Savings goals' },
  es: { title: 'Metas de ahorro' },
  de: { title: 'Sparziele' },
});
