export * from './clock/index.js';
export * from './ledger/index.js';
export * from './money/index.js';
export * from './records/index.js';
export { isRecordId, newNodeId, newRecordId } from './ids.js';
export { cryptoRandom, type RandomSource } from './random.js';
export * from './calendar/index.js';
export { derivedRecordId } from './recurring/derived-id.js';
export { FREQUENCIES, dueDates, type Frequency, type Schedule } from './recurring/schedule.js';
