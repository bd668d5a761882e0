export { useRateText } from './use-rate-text.js';
export { currencyChoices, currencyName } from './currency-names.js';
