export {
  ClockError,
  DEFAULT_MAX_DRIFT_MS,
  type FarFutureEvent,
  HybridClock,
  type HybridClockOptions,
} from './hybrid-clock.js';
export {
  compareTimestamps,
  isNodeId,
  isTimestamp,
  MAX_COUNTER,
  parseTimestamp,
  serializeTimestamp,
  type Timestamp,
} from './timestamp.js';
