import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type {
  LedgerDocuments,
  LedgerVersion,
  RestoreOutcome,
  RestoreRequest,
  RestoreRequestState,
  StoredDoc,
} from '../storage/documents/ledger-documents.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { edit } from '../testing/fake-peer.js';
import { accountNames, addAccount } from '../testing/ledger-edits.js';
import { connect, DataDir, eventually, login, RunningRelay, register, synced } from '../testing/relay-harness.js';

/** The real SQLite documents, except that loading one waits until the test says so. */
class SlowLoadingDocuments implements LedgerDocuments {
  private release: () => void = () => {};
  private readonly released = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  loadsStarted = 0;

  constructor(private readonly documents: LedgerDocuments) {}

  async load(docId: string): Promise<StoredDoc> {
    this.loadsStarted++;
    const stored = await this.documents.load(docId);
    await this.released;
    return stored;
  }

  async loadSince(docId: string, seq: number): Promise<StoredDoc> {
    const stored = await this.documents.loadSince(docId, seq);
    await this.released;
    return stored;
  }

  lastSeqs(docIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    return this.documents.lastSeqs(docIds);
  }

  appendUpdate(docId: string, update: Uint8Array): Promise<number> {
    return this.documents.appendUpdate(docId, update);
  }

  compact(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void> {
    return this.documents.compact(docId, snapshot, stateVector, upToSeq);
  }

  storedBytes(docIds: readonly string[]): Promise<number> {
    return this.documents.storedBytes(docIds);
  }

  countUpdates(docId: string): Promise<number> {
    return this.documents.countUpdates(docId);
  }

  listUncompacted(): Promise<readonly string[]> {
    return this.documents.listUncompacted();
  }

  saveVersion(docId: string, state: Uint8Array, takenAt: number): Promise<LedgerVersion> {
    return this.documents.saveVersion(docId, state, takenAt);
  }

  listVersions(docId: string): Promise<readonly LedgerVersion[]> {
    return this.documents.listVersions(docId);
  }

  loadVersion(docId: string, versionId: string): Promise<Uint8Array | null> {
    return this.documents.loadVersion(docId, versionId);
  }

  dropVersions(docId: string, versionIds: readonly string[]): Promise<void> {
    return this.documents.dropVersions(docId, versionIds);
  }

  requestRestore(docId: string, versionId: string, at: number): Promise<number> {
    return this.documents.requestRestore(docId, versionId, at);
  }

  claimRestoreRequests(at: number, requestId?: number): Promise<readonly RestoreRequest[]> {
    return this.documents.claimRestoreRequests(at, requestId);
  }

  finishRestoreRequest(requestId: number, outcome: RestoreOutcome, at: number): Promise<void> {
    return this.documents.finishRestoreRequest(requestId, outcome, at);
  }

  restoreRequestState(requestId: number): Promise<RestoreRequestState | null> {
    return this.documents.restoreRequestState(requestId);
  }

  finishLoading(): void {
    this.release();
  }
}

const transactions = 20_000;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function storedTransactions(dataDir: DataDir, docId: string): Promise<number> {
  const storage = new SqliteStorage(dataDir.dbFile);
  const stored = await storage.documents.load(docId);
  await storage.close();
  return accountNames(rebuildDoc(stored)).length;
}

describe('a large ledger that is slow to load', () => {
  it('[P1] two devices connecting during the load both get the full ledger, and the stored ledger never shrinks', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const setup = await RunningRelay.start(dataDir);
    const phoneSession = await register(setup.httpUrl, 'alice@example.com', 'Phone');
    const laptopSession = await login(setup.httpUrl, 'alice@example.com', 'Laptop');
    const history = new Y.Doc();
    for (let batch = 0; batch < transactions / 100; batch++) {
      const update = edit(history, (doc) => {
        for (let i = 0; i < 100; i++) addAccount(doc, `t${batch * 100 + i}`);
      });
      await setup.storage.documents.appendUpdate(phoneSession.docId, update);
    }
    await setup.stop();

    const sqlite = new SqliteStorage(dataDir.dbFile);
    const storage = new SlowLoadingDocuments(sqlite.documents);
    const relay = await RunningRelay.start(dataDir, {}, 0, {
      documents: storage,
      accounts: sqlite.accounts,
      mail: sqlite.mail,
      blobs: sqlite.blobs,
      registerUser: (user, admission, welcome) => sqlite.registerUser(user, admission, welcome),
      notify: (notification) => sqlite.notify(notification),
      changeEmail: (tokenHash, at) => sqlite.changeEmail(tokenHash, at),
      inviteToLedger: (invitation, mail, notification) => sqlite.inviteToLedger(invitation, mail, notification),
      push: sqlite.push,
      events: sqlite.events,
      conversations: sqlite.conversations,
      advisors: sqlite.advisors,
      payments: sqlite.payments,
      fulfilPayment: (event, at) => sqlite.fulfilPayment(event, at),
      close: () => sqlite.close(),
    });
    cleanup.push(() => relay.stop());
    const phone = connect(relay.syncUrl, phoneSession);
    const laptop = connect(relay.syncUrl, laptopSession);
    cleanup.push(() => {
      phone.destroy();
      laptop.destroy();
    });
    addAccount(laptop.doc, 'offline');
    await eventually(() => storage.loadsStarted === 1 && relay.app.websocketServer.clients.size === 2);

    storage.finishLoading();
    await Promise.all([synced(phone), synced(laptop)]);
    await eventually(() => accountNames(phone.doc).length === transactions + 1);
    await eventually(() => accountNames(laptop.doc).length === transactions + 1);
    expect(accountNames(phone.doc)).toContain('t19999');

    phone.destroy();
    laptop.destroy();
    await relay.stop();
    expect(await storedTransactions(dataDir, phoneSession.docId)).toBe(transactions + 1);
  });
});
