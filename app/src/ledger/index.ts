export { displayCurrency } from './display-currency.js';
export { guessHomeCurrency, isCirculatingCurrency } from './home-currency-guess.js';
export { type ReadableCollection, RecordCache } from './record-cache.js';
export { useRecord, useRecords } from './use-records.js';
