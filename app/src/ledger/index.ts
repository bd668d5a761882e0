export { RecordCache, type ReadableCollection } from './record-cache.js';
export { useHomeCurrency } from './use-home-currency.js';
export { useRecord, useRecords } from './use-records.js';
