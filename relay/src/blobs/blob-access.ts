import type { Accounts } from '../storage/accounts/accounts.js';
import type { BlobRecords } from '../storage/blobs/blob-records.js';

/**
 * One reason an account may read a file. The relay asks each in turn (BLOB5): its upload, the
 * ledgers referencing it, the conversations carrying it (CHAT7).
 */
export type BlobReadGrant = (userId: string, hash: string) => Promise<boolean>;

/** The account uploaded the file itself. */
export function uploadedBy(records: BlobRecords): BlobReadGrant {
  return async (userId, hash) => (await records.uploadersOf(hash)).includes(userId);
}

/**
 * The account may read a ledger that references the file, and someone who uploaded the file may
 * write that ledger. Knowing a file's hash is not enough: a former member or an advisor whose
 * session ended who copies the hash into a ledger of their own is not let in by that ledger (BLOB5).
 */
export function throughLedgers(records: BlobRecords, accounts: Accounts): BlobReadGrant {
  return async (userId, hash) => {
    const docs = await records.referencingDocs(hash);
    if (docs.length === 0) return false;
    const uploaders = await records.uploadersOf(hash);
    for (const docId of docs) {
      if ((await accounts.docRole(userId, docId)) === null) continue;
      for (const uploader of uploaders) {
        const role = await accounts.docRole(uploader, docId);
        if (role === 'owner' || role === 'editor') return true;
      }
    }
    return false;
  };
}

/**
 * The account may read a booking's conversation whose messages carry the file (its client or its
 * advisor, while the conversation is open to them: CHAT1, CHAT7). Only the sender's own uploads are
 * ever carried, so a hash copied from elsewhere lets no one in.
 */
export function throughConversations(
  records: BlobRecords,
  mayReadConversation: (userId: string, bookingId: string) => Promise<boolean>,
): BlobReadGrant {
  return async (userId, hash) => {
    for (const bookingId of await records.referencingBookings(hash)) {
      if (await mayReadConversation(userId, bookingId)) return true;
    }
    return false;
  };
}

/** Whether any grant lets the account read the file. */
export async function mayReadBlob(grants: readonly BlobReadGrant[], userId: string, hash: string): Promise<boolean> {
  for (const grant of grants) if (await grant(userId, hash)) return true;
  return false;
}
