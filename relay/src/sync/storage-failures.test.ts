import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { edit, syncStep1Of, updateMessage } from '../testing/fake-peer.js';
import { type FaultyStorage, withFaults } from '../testing/faults.js';
import { accountNames, addAccount } from '../testing/ledger-edits.js';
import {
  closedWith,
  connect,
  DataDir,
  eventually,
  openSocket,
  RunningRelay,
  register,
  type Session,
  synced,
} from '../testing/relay-harness.js';
import { closeCodes } from './peer-socket.js';

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly kind?: string;
  readonly docId?: string;
  readonly deviceId?: string;
  readonly err?: { readonly message: string; readonly stack: string };
}

const pinoError = 50;

let dataDir: DataDir;
let faulty: FaultyStorage;
let relay: RunningRelay;
let alice: Session;
const logLines: LogLine[] = [];

beforeEach(async () => {
  dataDir = new DataDir();
  logLines.length = 0;
  faulty = withFaults(new SqliteStorage(dataDir.dbFile));
  relay = await RunningRelay.start(
    dataDir,
    {
      logLevel: 'info',
      logStream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n')) if (line !== '') logLines.push(JSON.parse(line) as LogLine);
          done();
        },
      }),
    },
    0,
    faulty.storage,
  );
  alice = await register(relay.httpUrl, 'alice@example.com');
});

afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

/** What a disk failure looks like from the storage: its own message, the driver's error as its cause. */
function diskError(): Error {
  return new Error('could not write the ledger', { cause: new Error('SQLITE_IOERR_WRITE: disk I/O error') });
}

async function failuresCounted(kind: string): Promise<number> {
  const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
  const line = metrics
    .split('\n')
    .find((candidate) => candidate.startsWith(`tally_relay_failures_total{kind="${kind}"}`));
  return Number(line?.split(' ')[1]);
}

describe('a relay whose storage fails', () => {
  it('[F1] a failed store is logged once with its cause and document, counted, and the device hears only "document unavailable"', async () => {
    faulty.documents.failNext('appendUpdate', diskError());
    const opened = await openSocket(`${relay.syncUrl}/${alice.docId}?token=${alice.accessToken}`);
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    const closing = closedWith(opened.socket);
    const device = new Y.Doc();
    opened.socket.send(syncStep1Of(device));
    opened.socket.send(updateMessage(edit(device, (doc) => addAccount(doc, 'Cash'))));

    expect(await closing).toEqual({ code: closeCodes.internalError, reason: 'document unavailable' });
    const failures = logLines.filter((line) => line.level === pinoError);
    expect(failures).toEqual([
      expect.objectContaining({
        kind: 'store',
        docId: alice.docId,
        err: expect.objectContaining({
          message: expect.stringContaining('SQLITE_IOERR_WRITE: disk I/O error'),
          stack: expect.stringContaining('could not write the ledger'),
        }),
      }),
    ]);
    expect(await failuresCounted('store')).toBe(1);
    expect((await relay.storage.documents.load(alice.docId)).updates).toEqual([]);
  });

  it('[F2] a device whose document failed to load gets it whole once the storage answers again', async () => {
    await relay.storage.documents.appendUpdate(
      alice.docId,
      edit(new Y.Doc(), (doc) => addAccount(doc, 'Cash')),
    );
    faulty.documents.failNext('load', diskError());

    const opened = await openSocket(`${relay.syncUrl}/${alice.docId}?token=${alice.accessToken}`);
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    expect(await closedWith(opened.socket)).toEqual({ code: closeCodes.internalError, reason: 'document unavailable' });
    expect(logLines.filter((line) => line.level === pinoError)).toEqual([
      expect.objectContaining({ kind: 'load', docId: alice.docId }),
    ]);
    expect(await failuresCounted('load')).toBe(1);

    const device = connect(relay.syncUrl, alice);
    await synced(device);
    expect(accountNames(device.doc)).toEqual(['Cash']);
    device.destroy();
  });

  it('[F1] a device’s last sync that cannot be recorded is logged and counted, and the device syncs all the same', async () => {
    faulty.accounts.failNext('recordDeviceActivity', diskError(), {
      when: (_deviceId, activity) => activity.lastSyncedAt !== undefined,
    });
    const device = connect(relay.syncUrl, alice);
    addAccount(device.doc, 'Cash');
    await synced(device);
    await eventually(() => logLines.some((line) => line.kind === 'device-activity'));

    expect(logLines.filter((line) => line.level === pinoError)).toEqual([
      expect.objectContaining({ kind: 'device-activity', deviceId: alice.deviceId }),
    ]);
    expect(await failuresCounted('device-activity')).toBe(1);
    device.destroy();
  });
});
