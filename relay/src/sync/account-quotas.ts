import { type FailureReporting, reportFailure } from '../failures.js';
import { accountStoredBytes } from '../storage/account-bytes.js';
import type { RelayStorage } from '../storage/relay-storage.js';

/**
 * How long an account's summed bytes are trusted before they are summed afresh (compaction shrinks
 * them), and a ledger's owner before it is looked up again (an owner can hand a ledger on).
 */
const RECOUNT_AFTER_MS = 30_000;

interface Usage {
  /**
   * What the last sum found, and every byte reserved since it began. A byte reserved while a sum
   * runs and stored before it reads its ledger is counted twice until the next sum: the count errs
   * high, never low.
   */
  bytes: number;
  countedAt: number;
  /** When the sum running now began: a sum that never ends does not keep the next from starting. */
  summingSince: number | null;
}

/**
 * Each account's storage against `ACCOUNT_QUOTA_BYTES` (B4). An account's bytes are summed from
 * storage once, then kept up to date with what its documents accept, and summed afresh every 30 s.
 *
 * A sum is two reads, however many ledgers the account owns: those ledgers, then their bytes
 * together. Only an account's first sum is waited for, and once however many updates ask at the
 * same moment; a fresh sum runs beside the updates, which go on against the count held
 * meanwhile. Each update waiting for its own sum made the relay's tail on PostgreSQL hundreds of
 * milliseconds every 30 s.
 */
export class AccountQuotas {
  /** Each ledger's owner as looked up, once however many updates ask at the same moment. */
  private readonly owners = new Map<string, { readonly owner: Promise<string | null>; readonly at: number }>();
  private readonly usage = new Map<string, Usage>();
  private readonly firstSums = new Map<string, Promise<Usage>>();

  constructor(
    private readonly storage: Pick<RelayStorage, 'accounts' | 'documents'>,
    private readonly limitBytes: number,
    private readonly reporting: FailureReporting,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the document's owner may store `bytes` more; if so they are counted. */
  async reserve(docId: string, bytes: number): Promise<boolean> {
    const owner = await this.ownerOf(docId);
    // A document no account owns is counted against nobody.
    if (owner === null) return true;
    const usage = await this.usageOf(owner);
    if (usage.bytes + bytes > this.limitBytes) return false;
    usage.bytes += bytes;
    return true;
  }

  private ownerOf(docId: string): Promise<string | null> {
    const now = this.now();
    const known = this.owners.get(docId);
    if (known !== undefined && now - known.at < RECOUNT_AFTER_MS) return known.owner;
    const owner = this.storage.accounts.docOwner(docId);
    this.owners.set(docId, { owner, at: now });
    // A look-up that failed is not kept: the next update asks again.
    owner.catch(() => {
      if (this.owners.get(docId)?.owner === owner) this.owners.delete(docId);
    });
    return owner;
  }

  private async usageOf(userId: string): Promise<Usage> {
    const known = this.usage.get(userId);
    if (known === undefined) return this.firstSum(userId);
    const now = this.now();
    const due = now - known.countedAt >= RECOUNT_AFTER_MS;
    if (due && (known.summingSince === null || now - known.summingSince >= RECOUNT_AFTER_MS))
      void this.sumAfresh(userId, known);
    return known;
  }

  private firstSum(userId: string): Promise<Usage> {
    const summing = this.firstSums.get(userId);
    if (summing !== undefined) return summing;
    const started = (async () => {
      try {
        const bytes = await accountStoredBytes(this.storage, userId);
        const usage: Usage = { bytes, countedAt: this.now(), summingSince: null };
        this.usage.set(userId, usage);
        return usage;
      } finally {
        this.firstSums.delete(userId);
      }
    })();
    this.firstSums.set(userId, started);
    return started;
  }

  /** Sums the account's bytes again; what is reserved meanwhile is added to the new sum. */
  private async sumAfresh(userId: string, usage: Usage): Promise<void> {
    const startedAt = this.now();
    usage.summingSince = startedAt;
    const before = usage.bytes;
    try {
      const summed = await accountStoredBytes(this.storage, userId);
      if (usage.summingSince === startedAt) usage.bytes = summed + (usage.bytes - before);
    } catch (error) {
      reportFailure(this.reporting, 'quota', error, { userId });
    } finally {
      // A later sum that began meanwhile stands.
      if (usage.summingSince === startedAt) {
        usage.countedAt = startedAt;
        usage.summingSince = null;
      }
    }
  }
}
