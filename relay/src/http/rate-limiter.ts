/** A fixed-window counter per key (client address): cheap, and enough to blunt guessing. */
export class RateLimiter {
  private counts = new Map<string, number>();
  private windowStartedAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; false once the key has used up its window. */
  take(key: string): boolean {
    const now = this.now();
    if (now - this.windowStartedAt >= this.windowMs) {
      this.counts = new Map();
      this.windowStartedAt = now;
    }
    const used = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, used);
    return used <= this.limit;
  }
}
