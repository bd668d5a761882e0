import type { KeyedStore } from '../storage/index.js';
import type { RelaySync } from '../sync/index.js';

/** What the first-run step needs to know of the ledger: whether anything was ever written to it. */
export interface LedgerContents {
  hasData(): boolean;
  onChange(listener: () => void): () => void;
}

/** Reads back what was stored for the step: only `true` means it was skipped. */
export function readSkipped(stored: unknown): true | undefined {
  return stored === true ? true : undefined;
}

const SKIPPED = 'skipped';

/**
 * Whether this device offers the first-run step: its ledger is empty, it has no relay session,
 * and the person has not skipped the step here. Starting the ledger or logging in ends it by
 * itself, as the ledger then holds data or the device a session.
 */
export class FirstRun {
  private skipped = false;
  private loaded = false;
  private offered = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly choice: KeyedStore<true>,
    private readonly ledger: LedgerContents,
    private readonly sync: Pick<RelaySync, 'getSnapshot' | 'subscribe'>,
  ) {}

  /** Reads the choice stored on this device; the step is offered only from then on. */
  async load(): Promise<void> {
    this.skipped = (await this.choice.get(SKIPPED)) === true;
    this.loaded = true;
    this.ledger.onChange(this.publish);
    this.sync.subscribe(this.publish);
    this.publish();
  }

  /** The step stays away on this device, even while the ledger is still empty. */
  skip(): void {
    this.skipped = true;
    this.publish();
    void this.choice.put(SKIPPED, true);
  }

  getSnapshot = (): boolean => this.offered;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private readonly publish = (): void => {
    const offered =
      this.loaded && !this.skipped && !this.ledger.hasData() && this.sync.getSnapshot().account === undefined;
    if (offered === this.offered) return;
    this.offered = offered;
    for (const listener of this.listeners) listener();
  };
}
