import { type FailureKind, type FailureReporting, reportFailure } from '../failures.js';

const maxRetryWaitMs = 6 * 60 * 60 * 1000;
const pruneEveryMs = 60 * 60 * 1000;
const batch = 20;
// setTimeout takes at most a signed 32-bit number of milliseconds.
const maxTimerMs = 2 ** 31 - 1;

/** What a durable queue of deliveries (the mail outbox, the push queue) gives its worker. */
export interface DueQueueOptions<Item> {
  /** Named in the failures reported when the queue itself cannot be read or updated. */
  readonly kind: FailureKind;
  readonly reporting: FailureReporting;
  readonly now: () => number;
  /** How long to wait after the queue failed, and the first wait of a delivery's backoff. */
  readonly retryMs: number;
  /** Finished items are pruned this long after they finished, once an hour. */
  readonly keepMs: number;
  prune(before: number): Promise<unknown>;
  due(now: number, limit: number): Promise<readonly Item[]>;
  nextDueAt(): Promise<number | null>;
  /** Delivers one item and records what became of it; a throw means the queue itself failed. */
  deliver(item: Item): Promise<void>;
}

/** How long a delivery that failed for the `attempts`-th time waits: doubling from `retryMs`, at most six hours. */
export function retryWaitMs(retryMs: number, attempts: number): number {
  return Math.min(maxRetryWaitMs, retryMs * 2 ** (attempts - 1));
}

/**
 * Delivers a queue's due items one at a time, then sleeps until the next is due or `wake` is
 * called. A wake while delivering runs again once the round ends; a queue that failed is tried
 * again after `retryMs`, not at once.
 */
export class DueQueue<Item> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: DueQueueOptions<Item>) {}

  /** Delivers what is due now; called when an item is queued, and at start for what a previous run left. */
  wake(): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.wakeAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().then((drained) => {
      this.running = null;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      } else if (drained) {
        void this.sleep();
      } else {
        this.wakeLater(this.options.retryMs);
      }
    });
  }

  /** Stops delivering; an item being delivered finishes first. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Delivers every due item; false when the queue failed. */
  private async drain(): Promise<boolean> {
    const { now, keepMs } = this.options;
    try {
      const start = now();
      if (start - this.prunedAt >= pruneEveryMs) {
        await this.options.prune(start - keepMs);
        this.prunedAt = start;
      }
      for (;;) {
        const due = await this.options.due(now(), batch);
        if (due.length === 0) return true;
        for (const item of due) {
          if (this.stopped) return true;
          await this.options.deliver(item);
        }
      }
    } catch (error) {
      reportFailure(this.options.reporting, this.options.kind, error);
      return false;
    }
  }

  private wakeLater(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.min(maxTimerMs, Math.max(0, delayMs)));
    this.timer.unref();
  }

  private async sleep(): Promise<void> {
    try {
      const next = await this.options.nextDueAt();
      if (next === null || this.running !== null) return;
      this.wakeLater(next - this.options.now());
    } catch (error) {
      reportFailure(this.options.reporting, this.options.kind, error);
      this.wakeLater(this.options.retryMs);
    }
  }
}
