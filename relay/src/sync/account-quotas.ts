import { accountStoredBytes } from '../storage/account-bytes.js';
import type { RelayStorage } from '../storage/relay-storage.js';

/** How long an account's summed bytes are trusted before they are summed afresh (compaction shrinks them). */
const RECOUNT_AFTER_MS = 30_000;

interface Usage {
  bytes: number;
  readonly countedAt: number;
}

/**
 * Each account's storage against `ACCOUNT_QUOTA_BYTES` (B4). An account's bytes are summed from
 * storage, then kept up to date with what its documents accept, and summed afresh every 30 s.
 */
export class AccountQuotas {
  private readonly owners = new Map<string, string | null>();
  private readonly usage = new Map<string, Usage>();

  constructor(
    private readonly storage: Pick<RelayStorage, 'accounts' | 'documents'>,
    private readonly limitBytes: number,
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

  private async ownerOf(docId: string): Promise<string | null> {
    if (!this.owners.has(docId)) this.owners.set(docId, await this.storage.accounts.docOwner(docId));
    return this.owners.get(docId) ?? null;
  }

  private async usageOf(userId: string): Promise<Usage> {
    const known = this.usage.get(userId);
    if (known !== undefined && this.now() - known.countedAt < RECOUNT_AFTER_MS) return known;
    const counted = { bytes: await accountStoredBytes(this.storage, userId), countedAt: this.now() };
    // Another reservation may have counted it meanwhile: the first count stands.
    const raced = this.usage.get(userId);
    if (raced !== undefined && raced !== known) return raced;
    this.usage.set(userId, counted);
    return counted;
  }
}
