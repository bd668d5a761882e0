import { MemoryAccounts } from './accounts/memory-accounts.js';
import { MemoryLedgerDocuments } from './documents/memory-ledger-documents.js';
import { MemoryMailStore } from './mail/memory-mail-store.js';
import { MemoryPushStore } from './push/memory-push-store.js';
import type { RelayStorage } from './relay-storage.js';

/** Storage that lives and dies with the process: for fast tests. */
export class MemoryStorage implements RelayStorage {
  readonly documents = new MemoryLedgerDocuments();
  readonly accounts = new MemoryAccounts();
  readonly mail = new MemoryMailStore();
  readonly push = new MemoryPushStore();

  async close(): Promise<void> {}
}
