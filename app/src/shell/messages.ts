import { defineMessages } from '../i18n/index.js';

export const appMessages = defineMessages({
  en: {
    brand: 'Tally',
    navigation: 'Main',
    addTransaction: 'Add transaction',
    more: 'More',
  },
  es: {
    brand: 'Tally',
    navigation: 'Principal',
    addTransaction: 'Añadir movimiento',
    more: 'Más',
  },
  de: {
    brand: 'Tally',
    navigation: 'Hauptmenü',
    addTransaction: 'Buchung hinzufügen',
    more: 'Mehr',
  },
});
