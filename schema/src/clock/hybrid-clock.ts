import { isNodeId, isTimestamp, MAX_COUNTER, MAX_MILLIS, type Timestamp } from './timestamp.js';

export const DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;

export interface FarFutureEvent {
  readonly timestamp: Timestamp;
  readonly localMillis: number;
}

export interface HybridClockOptions {
  /** Identifies this writer; breaks ties between equal millis and counters (LWW1). */
  readonly node: string;
  /** Wall clock in milliseconds; injected so tests can skew it. */
  readonly now?: () => number;
  /** How far ahead of the wall clock a received timestamp may pull this clock (LWW7). */
  readonly maxDriftMs?: number;
  readonly onFarFuture?: (event: FarFutureEvent) => void;
}

export class ClockError extends Error {
  override readonly name = 'ClockError';
  constructor(
    readonly code: 'invalid-node' | 'invalid-timestamp' | 'wall-clock-out-of-range',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A hybrid logical clock (SPEC LWW1, LWW2, LWW7). It never goes backwards: a wall clock that
 * steps back leaves it where it was, and a received timestamp moves it past that timestamp,
 * so a write made after seeing another always orders after it.
 */
export class HybridClock {
  readonly node: string;
  private readonly now: () => number;
  private readonly maxDriftMs: number;
  private readonly onFarFuture: ((event: FarFutureEvent) => void) | undefined;
  private millis = 0;
  private counter = 0;
  private farFuture = 0;

  constructor(options: HybridClockOptions) {
    if (!isNodeId(options.node)) {
      throw new ClockError('invalid-node', `node id must be 1–16 characters of 0-9a-z, got "${options.node}"`);
    }
    this.node = options.node;
    this.now = options.now ?? Date.now;
    this.maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
    this.onFarFuture = options.onFarFuture;
  }

  /** How many received timestamps were too far ahead to follow (LWW7). */
  get farFutureCount(): number {
    return this.farFuture;
  }

  /** The latest timestamp this clock issued or moved past. */
  get latest(): Timestamp {
    return { millis: this.millis, counter: this.counter, node: this.node };
  }

  /** Whether a timestamp is further ahead of the wall clock than this clock will follow (LWW7). */
  isFarFuture(timestamp: Timestamp): boolean {
    return timestamp.millis - this.wallClock() > this.maxDriftMs;
  }

  /** A timestamp for a local write, later than everything this clock has issued or seen. */
  tick(): Timestamp {
    const wall = this.wallClock();
    if (wall > this.millis) {
      this.millis = wall;
      this.counter = 0;
    } else {
      this.advanceCounter(this.counter + 1);
    }
    return this.latest;
  }

  /** Moves this clock past a timestamp seen in a remote write, unless it is far in the future. */
  receive(remote: Timestamp): void {
    if (!isTimestamp(remote)) {
      throw new ClockError('invalid-timestamp', 'received timestamp is out of range');
    }
    const wall = this.wallClock();
    if (this.isFarFuture(remote)) {
      this.farFuture += 1;
      this.onFarFuture?.({ timestamp: remote, localMillis: wall });
      return;
    }
    const millis = Math.max(this.millis, remote.millis, wall);
    if (millis === this.millis && millis === remote.millis) {
      this.advanceCounter(Math.max(this.counter, remote.counter) + 1);
    } else if (millis === this.millis) {
      this.advanceCounter(this.counter + 1);
    } else if (millis === remote.millis) {
      this.millis = millis;
      this.advanceCounter(remote.counter + 1);
    } else {
      this.millis = millis;
      this.counter = 0;
    }
  }

  private wallClock(): number {
    const wall = Math.floor(this.now());
    if (!Number.isSafeInteger(wall) || wall < 0 || wall > MAX_MILLIS) {
      throw new ClockError('wall-clock-out-of-range', `wall clock reads ${wall}, not a usable time`);
    }
    return wall;
  }

  /** On counter overflow the logical millisecond moves forward one step instead of failing. */
  private advanceCounter(next: number): void {
    if (next > MAX_COUNTER) {
      this.millis += 1;
      this.counter = 0;
    } else {
      this.counter = next;
    }
  }
}
