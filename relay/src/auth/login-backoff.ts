import type { FailureRun } from '../bus/shared-counters.js';

export interface LoginBackoffOptions {
  /** Wrong passwords in a row an account takes without waiting. */
  readonly freeFailures: number;
  readonly firstWaitMs: number;
  /** The longest an account ever waits, however many wrong passwords it was sent (A4). */
  readonly maxWaitMs: number;
  /** A run of failures is forgotten this long after the last one. */
  readonly forgetAfterMs: number;
  /** How many accounts it keeps track of at most; the least recently failed are forgotten first. */
  readonly maxTracked: number;
  readonly now: () => number;
}

export const loginBackoffDefaults: LoginBackoffOptions = {
  freeFailures: 3,
  firstWaitMs: 1_000,
  maxWaitMs: 60_000,
  forgetAfterMs: 15 * 60_000,
  maxTracked: 100_000,
  now: Date.now,
};

interface Failures {
  count: number;
  lastAt: number;
}

/** How long a run of failures still makes its email wait (A4): doubling past the free ones, up to the longest wait. */
export function waitAfter(run: FailureRun | undefined, options: LoginBackoffOptions): number {
  if (run === undefined || run.count < options.freeFailures) return 0;
  const wait = Math.min(options.maxWaitMs, options.firstWaitMs * 2 ** (run.count - options.freeFailures));
  return Math.max(0, run.lastAt + wait - options.now());
}

/**
 * Per-account login backoff (A4), on top of the per-address rate limit: after a few wrong
 * passwords in a row for one email, from anywhere, each further attempt waits twice as long as
 * the last, up to a minute; a right password ends the run. Kept by email whether or not it has an
 * account, so the wait tells nothing about which addresses do.
 */
export class LoginBackoff {
  private readonly options: LoginBackoffOptions;
  private readonly failures = new Map<string, Failures>();

  constructor(options: Partial<LoginBackoffOptions> = {}) {
    this.options = { ...loginBackoffDefaults, ...options };
  }

  /** How long this email must still wait before a password for it is checked; 0 when it need not. */
  waitMs(email: string): number {
    return waitAfter(this.current(email), this.options);
  }

  failed(email: string): void {
    const count = (this.current(email)?.count ?? 0) + 1;
    this.failures.delete(email);
    this.failures.set(email, { count, lastAt: this.options.now() });
    if (this.failures.size > this.options.maxTracked) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  succeeded(email: string): void {
    this.failures.delete(email);
  }

  private current(email: string): Failures | undefined {
    const run = this.failures.get(email);
    if (run !== undefined && this.options.now() - run.lastAt > this.options.forgetAfterMs) {
      this.failures.delete(email);
      return undefined;
    }
    return run;
  }
}
