import { defineMessages } from '../../i18n/index.js';

export const budgetMessages = defineMessages({
  en: { title: 'Budgets' },
  es: { title: 'Presupuestos' },
  de: { title: 'Budgets' },
});
