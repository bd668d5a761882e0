import { lazyComponent } from '../../ui/index.js';

export const CurrenciesScreen = lazyComponent(() => import('./CurrenciesScreen.js'), 'CurrenciesScreen');
export { CurrencySelect } from './CurrencySelect.js';
export { currencyChoices, currencyName } from './currency-names.js';
export { useRateText } from './use-rate-text.js';
