export { type ReadableCollection, RecordCache } from './record-cache.js';
export { useHomeCurrency } from './use-home-currency.js';
export { useRecord, useRecords } from './use-records.js';
