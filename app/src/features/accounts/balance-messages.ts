import { defineMessages } from '../../i18n/index.js';

/** What the home screen shows of accounts: balances in the home currency and net worth. */
export const balanceMessages = defineMessages({
  en: {
    inHome: '{amount} at {rate}, {date}',
    noRate: 'No {from} to {home} rate yet',
    'netWorth.unconverted': 'Not counted, for want of a rate into {home}: {names}.',
    'netWorth.noHome': 'Choose a home currency to see your net worth in one currency.',
  },
  es: {
    inHome: '{amount} a {rate}, {date}',
    noRate: 'Aún no hay tipo de cambio de {from} a {home}',
    'netWorth.unconverted': 'Sin contar, por falta de un tipo de cambio a {home}: {names}.',
    'netWorth.noHome': 'Elige una divisa principal para ver tu patrimonio en una sola divisa.',
  },
  de: {
    inHome: '{amount} zum Kurs {rate}, {date}',
    noRate: 'Noch kein Kurs von {from} zu {home}',
    'netWorth.unconverted': 'Nicht mitgezählt, weil ein Kurs zu {home} fehlt: {names}.',
    'netWorth.noHome': 'Wähle eine Hauptwährung, um dein Vermögen in einer Währung zu sehen.',
  },
});
