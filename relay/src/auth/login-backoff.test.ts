import { describe, expect, it } from 'vitest';
import { LoginBackoff } from './login-backoff.js';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the per-account login backoff', () => {
  it('[A4] lets a few wrong passwords through, then doubles the wait with each one', async () => {
    const time = clock();
    const backoff = new LoginBackoff({ now: time.now });
    const waits = [];
    for (let failure = 0; failure < 6; failure++) {
      backoff.failed('alice@example.com');
      const wait = backoff.waitMs('alice@example.com');
      waits.push(wait);
      time.advance(wait);
    }
    expect(waits).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000]);
    expect(backoff.waitMs('bob@example.com')).toBe(0);
  });

  it('[A4] never makes an account wait more than a minute, however many wrong passwords it was sent', async () => {
    const time = clock();
    const backoff = new LoginBackoff({ now: time.now });
    for (let failure = 0; failure < 1_000; failure++) backoff.failed('alice@example.com');
    expect(backoff.waitMs('alice@example.com')).toBe(60_000);
    time.advance(60_000);
    expect(backoff.waitMs('alice@example.com')).toBe(0);
  });

  it('[A4] a right password ends the run, and a quiet quarter of an hour forgets it', async () => {
    const time = clock();
    const backoff = new LoginBackoff({ now: time.now });
    for (let failure = 0; failure < 5; failure++) backoff.failed('alice@example.com');
    backoff.succeeded('alice@example.com');
    expect(backoff.waitMs('alice@example.com')).toBe(0);
    for (let failure = 0; failure < 5; failure++) backoff.failed('bob@example.com');
    time.advance(15 * 60_000 + 1);
    backoff.failed('bob@example.com');
    expect(backoff.waitMs('bob@example.com')).toBe(0);
  });

  it('keeps track of a bounded number of accounts, forgetting the least recently failed', () => {
    const backoff = new LoginBackoff({ maxTracked: 2, freeFailures: 0 });
    backoff.failed('a@example.com');
    backoff.failed('b@example.com');
    backoff.failed('a@example.com');
    backoff.failed('c@example.com');
    expect(backoff.waitMs('b@example.com')).toBe(0);
    expect(backoff.waitMs('a@example.com')).toBeGreaterThan(0);
    expect(backoff.waitMs('c@example.com')).toBeGreaterThan(0);
  });
});
