import type { SharedCounters } from '../bus/shared-counters.js';
import { LoginBackoff, type LoginBackoffOptions, loginBackoffDefaults, waitAfter } from './login-backoff.js';

/**
 * The login backoff (A4) counted across relays (C7): a run of wrong passwords for one email waits
 * the same whichever relay the next attempt reaches. While the shared count fails, this relay's
 * own count decides.
 */
export class SharedLoginBackoff {
  private readonly options: LoginBackoffOptions;
  private readonly own: LoginBackoff;

  constructor(
    private readonly counters: SharedCounters,
    options: Partial<LoginBackoffOptions> = {},
  ) {
    this.options = { ...loginBackoffDefaults, ...options };
    this.own = new LoginBackoff(this.options);
  }

  async waitMs(email: string): Promise<number> {
    try {
      return waitAfter((await this.counters.failureRun(key(email))) ?? undefined, this.options);
    } catch {
      return this.own.waitMs(email);
    }
  }

  async failed(email: string): Promise<void> {
    this.own.failed(email);
    try {
      await this.counters.addFailure(key(email), this.options.now(), this.options.forgetAfterMs);
    } catch {
      // Counted here: this relay still makes the email wait.
    }
  }

  async succeeded(email: string): Promise<void> {
    this.own.succeeded(email);
    try {
      await this.counters.endFailures(key(email));
    } catch {
      // The shared run is forgotten a quarter of an hour after its last failure anyway.
    }
  }
}

function key(email: string): string {
  return `login:${email}`;
}
