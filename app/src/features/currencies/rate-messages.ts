import { defineMessages } from '../../i18n/index.js';

/** How a rate reads ("1 EUR = 1.0842 USD"), wherever a converted amount shows, home included. */
export const rateMessages = defineMessages({
  en: {
    rate: '1 {from} = {rate} {to}',
  },
  es: {
    rate: '1 {from} = {rate} {to}',
  },
  de: {
    rate: '1 {from} = {rate} {to}',
  },
});
