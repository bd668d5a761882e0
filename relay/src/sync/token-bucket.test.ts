import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('a socket’s budget of messages', () => {
  it('[B2] lets a burst through, then as many as its rate refills, and never more than the burst after a pause', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    const takenAtOnce = Array.from({ length: 8 }, () => bucket.take()).filter(Boolean).length;
    expect(takenAtOnce).toBe(5);
    now += 300;
    expect(Array.from({ length: 8 }, () => bucket.take()).filter(Boolean).length).toBe(3);
    now += 60_000;
    expect(Array.from({ length: 20 }, () => bucket.take()).filter(Boolean).length).toBe(5);
  });
});
