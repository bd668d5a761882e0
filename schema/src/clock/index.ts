export {
  MAX_COUNTER,
  compareTimestamps,
  isNodeId,
  isTimestamp,
  parseTimestamp,
  serializeTimestamp,
  type Timestamp,
} from './timestamp.js';
export {
  ClockError,
  DEFAULT_MAX_DRIFT_MS,
  HybridClock,
  type FarFutureEvent,
  type HybridClockOptions,
} from './hybrid-clock.js';
