import { defineMessages } from '../../i18n/index.js';

export const transactionsMessages = defineMessages({
  en: {
    'countFiltered.one': '{shown} of {count} transaction',
    'countFiltered.other': '{shown} of {count} transactions',
    empty: 'No transactions here yet.',
    noMatches: 'No transaction matches these filters.',
    search: 'Search payee, notes or tags',
    allAccounts: 'All accounts',
    allCategories: 'All categories',
    split: 'Split',
    splitUnbalanced: 'Split, parts do not add up',
  },
  es: {
    'countFiltered.one': '{shown} de {count} movimiento',
    'countFiltered.other': '{shown} de {count} movimientos',
    empty: 'Todavía no hay movimientos.',
    noMatches: 'Ningún movimiento coincide con estos filtros.',
    search: 'Buscar en beneficiario, notas o etiquetas',
    allAccounts: 'Todas las cuentas',
    allCategories: 'Todas las categorías',
    split: 'Dividido',
    splitUnbalanced: 'Dividido, las partes no cuadran',
  },
  de: {
    'countFiltered.one': '{shown} von {count} Buchung',
    'countFiltered.other': '{shown} von {count} Buchungen',
    empty: 'Hier gibt es noch keine Buchungen.',
    noMatches: 'Keine Buchung passt zu diesen Filtern.',
    search: 'Empfänger, Notizen oder Schlagwörter durchsuchen',
    allAccounts: 'Alle Konten',
    allCategories: 'Alle Kategorien',
    split: 'Aufgeteilt',
    splitUnbalanced: 'Aufgeteilt, Teile gehen nicht auf',
  },
});
