import type { RelayStorage } from './relay-storage.js';

/**
 * The bytes an account takes in storage, which its quota bounds (B4): every ledger it owns, its
 * snapshot, its update log and the versions kept of it (R1), so history counts against the quota.
 * Two reads, however many ledgers it owns: the ledgers, then their bytes together.
 */
export async function accountStoredBytes(
  storage: Pick<RelayStorage, 'accounts' | 'documents'>,
  userId: string,
): Promise<number> {
  return storage.documents.storedBytes(await storage.accounts.ownedDocs(userId));
}
