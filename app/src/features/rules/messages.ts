import { defineMessages } from '../../i18n/index.js';

export const ruleMessages = defineMessages({
  en: { title: 'Rules' },
  es: { title: 'Reglas' },
  de: { title: 'Regeln' },
});
