export { RecordCache, type ReadableCollection } from './record-cache.js';
export { useRecord, useRecords } from './use-records.js';
