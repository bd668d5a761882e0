/** A run of failures for one key: how many in a row, and when the last one was. */
export interface FailureRun {
  readonly count: number;
  readonly lastAt: number;
}

/**
 * Counts the relays share, so a limit holds however a load balancer spreads the requests (C7).
 * Every call may fail (Redis away): callers then count in their own process.
 */
export interface SharedCounters {
  /** Counts one for `key` in the current window of `windowMs`; the window's count so far, across relays. */
  countInWindow(key: string, windowMs: number, now: number): Promise<number>;
  /** Adds one to `key`'s run of failures, forgotten `forgetAfterMs` after this one; the run as it now stands. */
  addFailure(key: string, at: number, forgetAfterMs: number): Promise<FailureRun>;
  /** The run of failures of `key`; null when it has none, or it was forgotten. */
  failureRun(key: string): Promise<FailureRun | null>;
  /** Ends `key`'s run of failures. */
  endFailures(key: string): Promise<void>;
}
