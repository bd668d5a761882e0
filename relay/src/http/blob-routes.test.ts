import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { type Attachment, attachmentHashes, Ledger } from '@tally/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { DiskBlobStore } from '../blobs/disk-blob-store.js';
import type { RelayConfig } from '../relay-config.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { htmlFile, jpegFile, pdfFile, peExecutable, pngFile } from '../testing/receipt-files.js';
import {
  connect,
  DataDir,
  eventually,
  RunningRelay,
  register,
  type Session,
  synced,
} from '../testing/relay-harness.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let dataDir: DataDir;
let relay: RunningRelay;
let now: number;
let alice: Session;
const providers: WebsocketProvider[] = [];

async function start(config: Partial<RelayConfig> = {}): Promise<void> {
  relay = await RunningRelay.start(dataDir, {
    blobStore: new DiskBlobStore(join(dataDir.path, 'blobs')),
    clock: () => now,
    ...config,
  });
  alice = await register(relay.httpUrl, 'alice@example.com');
}

beforeEach(() => {
  dataDir = new DataDir();
  now = Date.UTC(2026, 5, 1);
});
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await relay.stop();
  dataDir.remove();
});

function upload(session: Session, bytes: Uint8Array, type: string, hash = sha256(bytes)): Promise<Response> {
  return fetch(`${relay.httpUrl}/api/blobs/${hash}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${session.accessToken}`,
      'content-type': type,
      'content-disposition': 'inline; filename="receipt.jpg"',
    },
    body: Buffer.from(bytes),
  });
}

function download(session: Session, hash: string): Promise<Response> {
  return fetch(`${relay.httpUrl}/api/blobs/${hash}`, { headers: { authorization: `Bearer ${session.accessToken}` } });
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** Every file the relay keeps under its data directory, half-written ones included. */
function filesOnDisk(): string[] {
  const root = join(dataDir.path, 'blobs');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

function receipt(bytes: Uint8Array, type: Attachment['type'] = 'image/jpeg'): Attachment {
  return { hash: sha256(bytes), name: 'receipt.jpg', type, size: bytes.length, addedAt: now };
}

/** A device of `session` with `docId` open through the stock provider, and a transaction to attach files to. */
async function device(session: Session, docId = session.docId): Promise<{ ledger: Ledger; transactionId: string }> {
  const provider = connect(relay.syncUrl, { docId, accessToken: session.accessToken });
  providers.push(provider);
  await synced(provider);
  const ledger = new Ledger(provider.doc);
  const accountId = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
  const transactionId = ledger.transactions.create({
    date: '2026-06-01',
    amount: -4_250,
    currency: 'EUR',
    accountId,
  }).id;
  return { ledger, transactionId };
}

function referenced(docId: string, hash: string): Promise<void> {
  return eventually(async () => (await relay.storage.blobs.referencingDocs(hash)).includes(docId));
}

/** Once the relay has stored the ledger with no transaction naming the file. */
function storedWithout(docId: string, hash: string): Promise<void> {
  return eventually(async () => !attachmentHashes(rebuildDoc(await relay.storage.documents.load(docId))).has(hash));
}

async function inviteAs(owner: Session, docId: string, email: string, role: 'editor' | 'viewer'): Promise<Session> {
  const invited = await register(relay.httpUrl, email);
  const auth = (session: Session) => ({
    authorization: `Bearer ${session.accessToken}`,
    'content-type': 'application/json',
  });
  const invitation = await fetch(`${relay.httpUrl}/api/ledgers/${docId}/invitations`, {
    method: 'POST',
    headers: auth(owner),
    body: JSON.stringify({ email, role }),
  });
  const { code } = (await invitation.json()) as { code: string };
  const accepted = await fetch(`${relay.httpUrl}/api/invitations/accept`, {
    method: 'POST',
    headers: auth(invited),
    body: JSON.stringify({ code }),
  });
  expect(accepted.status).toBe(200);
  return invited;
}

async function household(owner: Session): Promise<string> {
  const created = await fetch(`${relay.httpUrl}/api/ledgers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Household' }),
  });
  return ((await created.json()) as { docId: string }).docId;
}

describe('receipts’ files on the relay', () => {
  it('[BLOB1][BLOB5] a real JPEG, PNG and PDF are kept once per hash and served to their uploader with the right headers', async () => {
    await start();
    const files = [
      { bytes: jpegFile(), type: 'image/jpeg' },
      { bytes: pngFile(), type: 'image/png' },
      { bytes: pdfFile(), type: 'application/pdf' },
    ];
    for (const { bytes, type } of files) {
      const stored = await upload(alice, bytes, type);
      expect(stored.status).toBe(201);
      expect(await stored.json()).toEqual({ hash: sha256(bytes), type, size: bytes.length });
    }
    const again = await upload(alice, files[0]?.bytes ?? new Uint8Array(), 'image/jpeg');
    expect(again.status).toBe(200);
    expect(filesOnDisk().sort()).toEqual(files.map(({ bytes }) => sha256(bytes)).sort());

    for (const { bytes, type } of files) {
      const served = await download(alice, sha256(bytes));
      expect(served.status).toBe(200);
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
      expect(served.headers.get('content-type')).toBe(type);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-security-policy')).toMatch(/^sandbox/);
      expect(served.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(served.headers.get('content-disposition')).toBe(type === 'application/pdf' ? 'attachment' : null);
    }
  });

  it('[BLOB2] a PE executable or an HTML page named receipt.jpg and sent as image/jpeg is refused with 415, and nothing is kept', async () => {
    await start();
    for (const bytes of [peExecutable(), htmlFile()]) {
      const refused = await upload(alice, bytes, 'image/jpeg');
      expect(refused.status).toBe(415);
      expect(await errorCode(refused)).toBe('blob_type_refused');
      expect((await download(alice, sha256(bytes))).status).toBe(404);
    }
    const png = pngFile();
    expect((await upload(alice, png, 'image/jpeg')).status).toBe(415);
    expect((await upload(alice, png, 'text/html')).status).toBe(415);
    expect(filesOnDisk()).toEqual([]);
  });

  it('[BLOB3] a file whose bytes do not hash to its address is refused, and nothing is kept', async () => {
    await start();
    const refused = await upload(alice, jpegFile(), 'image/jpeg', sha256(pngFile()));
    expect(refused.status).toBe(422);
    expect(await errorCode(refused)).toBe('blob_hash_mismatch');
    expect(filesOnDisk()).toEqual([]);
    expect(await relay.storage.blobs.find(sha256(pngFile()))).toBeNull();
  });

  it('[BLOB8] the relay tells anyone the largest file it keeps, as it is set', async () => {
    await start({ blobMaxBytes: 5 * 1024 * 1024 });
    const limits = await fetch(`${relay.httpUrl}/api/blobs/limits`);
    expect(limits.status).toBe(200);
    await expect(limits.json()).resolves.toEqual({ maxBytes: 5 * 1024 * 1024 });
  });

  it('[BLOB3] a file over the size limit is refused with 413 before its body is read', async () => {
    await start({ blobMaxBytes: 64 * 1024 });
    const hash = 'ab'.repeat(32);
    const head = Buffer.from(jpegFile());
    // Ten megabytes announced, a few kilobytes sent: the refusal comes without the rest.
    const announced = await rawPut(hash, { 'content-length': String(10 * 1024 * 1024) }, [head], false);
    expect(announced.status).toBe(413);
    expect(announced.body).toContain('blob_too_large');
    // No length announced: the relay counts as the body streams in and stops reading past the limit.
    const chunk = Buffer.concat([head, Buffer.alloc(64 * 1024 - head.length)]);
    const streamed = await rawPut(hash, { 'transfer-encoding': 'chunked' }, Array(1024).fill(chunk), true);
    expect(streamed.status).toBe(413);
    expect(streamed.sentAll).toBe(false);
    expect(filesOnDisk()).toEqual([]);
  });

  it('[BLOB7] a slow upload that keeps sending outlasts the request timeout; one that stops sending is refused with 408 and nothing is kept', async () => {
    await start({ requestTimeoutSeconds: 1, uploadIdleTimeoutSeconds: 2 });
    const bytes = Buffer.from(jpegFile(400, 300));
    const pieces = 12;
    const size = Math.ceil(bytes.length / pieces);
    const chunks = Array.from({ length: pieces }, (_, index) => bytes.subarray(index * size, (index + 1) * size));
    const headers = { 'content-length': String(bytes.length) };
    // Twelve pieces a third of a second apart: about four seconds in all, a second at most without bytes.
    const slow = await rawPut(sha256(bytes), headers, chunks, false, { pauseMs: 333 });
    expect(slow.status).toBe(201);
    expect(JSON.parse(slow.body)).toEqual({ hash: sha256(bytes), type: 'image/jpeg', size: bytes.length });
    expect(filesOnDisk()).toEqual([sha256(bytes)]);

    const other = Buffer.from(jpegFile(300, 400));
    const stalled = await rawPut(
      sha256(other),
      { 'content-length': String(other.length) },
      [other.subarray(0, 1024), other.subarray(1024)],
      false,
      {
        pauseMs: 0,
        stallAfter: 1,
      },
    );
    expect(stalled.status).toBe(408);
    expect(stalled.body).toContain('upload_stalled');
    expect(filesOnDisk()).toEqual([sha256(bytes)]);
    expect((await download(alice, sha256(other))).status).toBe(404);
  });

  it('[BLOB4] an upload that would pass the account’s quota is refused with 507 naming the quota; a file it holds already costs nothing', async () => {
    const jpeg = jpegFile(400, 300);
    const png = pngFile();
    await start({ blobQuotaBytes: jpeg.length + 100 });
    expect((await upload(alice, jpeg, 'image/jpeg')).status).toBe(201);
    const refused = await upload(alice, png, 'image/png');
    expect(refused.status).toBe(507);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('blob_quota_exceeded');
    expect(error.message).toContain('BLOB_QUOTA_BYTES');
    expect((await upload(alice, jpeg, 'image/jpeg')).status).toBe(200);
    const bob = await register(relay.httpUrl, 'bob@example.com');
    expect((await upload(bob, png, 'image/png')).status).toBe(201);
  });

  it('[BLOB5] a viewer of a ledger referencing a file reads it; another account, or one that copies its hash, gets 404', async () => {
    await start();
    const docId = await household(alice);
    const bob = await inviteAs(alice, docId, 'bob@example.com', 'viewer');
    const carol = await register(relay.httpUrl, 'carol@example.com');
    const jpeg = jpegFile();
    expect((await upload(alice, jpeg, 'image/jpeg')).status).toBe(201);
    expect((await download(bob, sha256(jpeg))).status).toBe(404);

    const shared = await device(alice, docId);
    shared.ledger.transactions.update(shared.transactionId, { attachments: [receipt(jpeg)] });
    await referenced(docId, sha256(jpeg));
    const read = await download(bob, sha256(jpeg));
    expect(read.status).toBe(200);
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(jpeg);

    expect((await download(carol, sha256(jpeg))).status).toBe(404);
    const copied = await device(carol);
    copied.ledger.transactions.update(copied.transactionId, { attachments: [receipt(jpeg)] });
    await referenced(carol.docId, sha256(jpeg));
    const refused = await download(carol, sha256(jpeg));
    expect(refused.status).toBe(404);
    expect(await errorCode(refused)).toBe('not_found');
    expect((await download(carol, 'f'.repeat(64))).status).toBe(404);
  });

  it('[BLOB6] files no ledger references are removed after the grace time, and counted in /metrics', async () => {
    await start();
    const kept = jpegFile();
    const loose = pngFile();
    await upload(alice, kept, 'image/jpeg');
    await upload(alice, loose, 'image/png');
    const { ledger, transactionId } = await device(alice);
    ledger.transactions.update(transactionId, { attachments: [receipt(kept)] });
    await referenced(alice.docId, sha256(kept));

    now += 30 * DAY_MS - 1;
    expect(await relay.app.blobSweeper.sweep()).toBe(0);
    now += 1;
    expect(await relay.app.blobSweeper.sweep()).toBe(1);
    expect((await download(alice, sha256(loose))).status).toBe(404);
    expect(filesOnDisk()).toEqual([sha256(kept)]);

    ledger.transactions.update(transactionId, { attachments: [] });
    await storedWithout(alice.docId, sha256(kept));
    now += DAY_MS;
    await expectSweep(0);
    expect((await download(alice, sha256(kept))).status).toBe(200);
    now += 30 * DAY_MS;
    await expectSweep(1);
    expect((await download(alice, sha256(kept))).status).toBe(404);
    expect(filesOnDisk()).toEqual([]);
    const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    expect(metrics).toContain('tally_relay_blobs_removed_total 2');
  });
});

async function expectSweep(removed: number): Promise<void> {
  expect(await relay.app.blobSweeper.sweep()).toBe(removed);
}

interface RawReply {
  readonly status: number;
  readonly body: string;
  /** Whether every chunk was written before the relay answered. */
  readonly sentAll: boolean;
}

interface Pace {
  /** Waited before each chunk after the first, as a slow line would. */
  readonly pauseMs: number;
  /** Sends this many chunks, then nothing more while the connection stays open. */
  readonly stallAfter?: number;
}

/** A PUT sent by hand, chunk by chunk, stopping as soon as the relay answers. */
function rawPut(
  hash: string,
  headers: Record<string, string>,
  chunks: Buffer[],
  chunked: boolean,
  pace: Pace = { pauseMs: 0 },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(relay.port, '127.0.0.1');
    let response = '';
    let answered = false;
    let sentAll = false;
    socket.on('data', (data: Buffer) => {
      response += data.toString('latin1');
      answered = true;
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    socket.once('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
      resolve({ status, body: response.slice(response.indexOf('\r\n\r\n') + 4), sentAll });
    });
    const head = [
      `PUT /api/blobs/${hash} HTTP/1.1`,
      `Host: 127.0.0.1:${relay.port}`,
      `Authorization: Bearer ${alice.accessToken}`,
      'Content-Type: image/jpeg',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    const send = async (): Promise<void> => {
      for (const [index, chunk] of chunks.entries()) {
        if (index === pace.stallAfter) return;
        if (index > 0 && pace.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pace.pauseMs));
        if (answered || socket.destroyed) return;
        const framed = chunked
          ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
          : chunk;
        if (!socket.write(framed)) {
          await new Promise((drained) => {
            socket.once('drain', drained);
            socket.once('close', drained);
          });
        }
      }
      if (chunked && !answered && !socket.destroyed) socket.write('0\r\n\r\n');
      sentAll = !answered;
    };
    void send();
  });
}
