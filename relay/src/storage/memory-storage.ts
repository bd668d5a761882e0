import type { Admission, AdmissionOutcome, NewUser } from './accounts/accounts.js';
import { MemoryAccounts } from './accounts/memory-accounts.js';
import { MemoryBlobRecords } from './blobs/memory-blob-records.js';
import { MemoryLedgerDocuments } from './documents/memory-ledger-documents.js';
import type { AccountWelcome } from './mail/mail-store.js';
import { MemoryMailStore } from './mail/memory-mail-store.js';
import { MemoryPushStore } from './push/memory-push-store.js';
import type { NewNotification, RelayStorage } from './relay-storage.js';

/** Storage that lives and dies with the process: for fast tests. */
export class MemoryStorage implements RelayStorage {
  readonly documents = new MemoryLedgerDocuments();
  readonly accounts = new MemoryAccounts();
  readonly mail = new MemoryMailStore();
  readonly push = new MemoryPushStore();
  readonly blobs = new MemoryBlobRecords();

  async registerUser(user: NewUser, admission: Admission, welcome: AccountWelcome): Promise<AdmissionOutcome> {
    const outcome = await this.accounts.admitUser(user, admission);
    if (outcome === 'created') {
      await this.mail.setLanguage(user.id, welcome.language);
      if (welcome.verification !== null)
        await this.mail.issueToken(welcome.verification.token, welcome.verification.mail);
    }
    return outcome;
  }

  async notify(notification: NewNotification): Promise<boolean> {
    const { dedupeKey, userId, createdAt, pushes, mail } = notification;
    if (!(await this.push.notify(dedupeKey, userId, createdAt, pushes))) return false;
    if (mail !== null) await this.mail.enqueue(mail);
    return true;
  }

  async close(): Promise<void> {}
}
