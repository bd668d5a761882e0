export { CurrenciesScreen } from './CurrenciesScreen.js';
export { useHomeCurrency } from './use-home-currency.js';
export { useRateText } from './use-rate-text.js';
export { currencyChoices, currencyName } from './currency-names.js';
