import type { RelayStorage } from './relay-storage.js';

/**
 * The bytes an account takes in storage, which its quota bounds (B4): every ledger it owns, its
 * snapshot, its update log and the versions kept of it (R1), so history counts against the quota.
 */
export async function accountStoredBytes(
  storage: Pick<RelayStorage, 'accounts' | 'documents'>,
  userId: string,
): Promise<number> {
  const docs = await storage.accounts.ownedDocs(userId);
  const sizes = await Promise.all(
    docs.map(
      async (docId) => (await storage.documents.storedBytes(docId)) + (await storage.documents.versionBytes(docId)),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
