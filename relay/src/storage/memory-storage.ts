import { MemoryAccounts } from './accounts/memory-accounts.js';
import { MemoryLedgerDocuments } from './documents/memory-ledger-documents.js';
import type { RelayStorage } from './relay-storage.js';

/** Storage that lives and dies with the process: for fast tests. */
export class MemoryStorage implements RelayStorage {
  readonly documents = new MemoryLedgerDocuments();
  readonly accounts = new MemoryAccounts();

  async close(): Promise<void> {}
}
