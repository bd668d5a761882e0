import type { RelayStorage } from './relay-storage.js';

/**
 * The bytes an account takes in storage, which its quota bounds (L4): every ledger it owns, its
 * snapshot and its update log. Whatever else is kept for an account (a ledger's versions) adds
 * its bytes here, so the quota counts it too.
 */
export async function accountStoredBytes(
  storage: Pick<RelayStorage, 'accounts' | 'documents'>,
  userId: string,
): Promise<number> {
  const docs = await storage.accounts.ownedDocs(userId);
  const sizes = await Promise.all(docs.map((docId) => storage.documents.storedBytes(docId)));
  return sizes.reduce((sum, size) => sum + size, 0);
}
