export { currencyChoices, currencyName } from './currency-names.js';
export { useRateText } from './use-rate-text.js';
