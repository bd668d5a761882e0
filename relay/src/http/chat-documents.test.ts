import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  advisorAndClient,
  bookingMonday,
  type Call,
  caller,
  type Parties,
  requestSession,
  TestClock,
} from '../testing/booked-session.js';
import { jpegFile, pdfFile, pngFile } from '../testing/receipt-files.js';
import { DataDir, RunningRelay, register, type Session } from '../testing/relay-harness.js';
import { maxDocumentsPerMessage } from './chat-documents.js';
import { conversationOpenAfterSessionMs } from './chat-routes.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface DocumentSeen {
  readonly hash: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

interface MessageSeen {
  readonly seq: number;
  readonly text: string;
  readonly documents: DocumentSeen[];
}

let dataDir: DataDir;
let relay: RunningRelay;
let clock: TestClock;
let call: Call;
let parties: Parties;
let booking: { readonly id: string; readonly start: string; readonly end: string };

beforeEach(async () => {
  dataDir = new DataDir();
  clock = new TestClock(bookingMonday);
  relay = await RunningRelay.start(dataDir, { clock: clock.now, authRequestsPerMinute: 10_000 });
  call = caller(relay.httpUrl);
  parties = await advisorAndClient(relay.httpUrl, relay.storage);
  booking = await requestSession(relay.httpUrl, parties, clock.at);
});

afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

async function upload(session: Session, bytes: Uint8Array, type: string): Promise<string> {
  const reply = await fetch(`${relay.httpUrl}/api/blobs/${sha256(bytes)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${session.accessToken}`, 'content-type': type },
    body: Buffer.from(bytes),
  });
  expect(reply.status).toBe(201);
  return sha256(bytes);
}

function download(session: Session, hash: string): Promise<Response> {
  return fetch(`${relay.httpUrl}/api/blobs/${hash}`, { headers: { authorization: `Bearer ${session.accessToken}` } });
}

function send(session: Session, clientId: string, documents: { hash: string; name: string }[], text = '') {
  return call(session, 'POST', `/api/bookings/${booking.id}/messages`, { clientId, text, documents });
}

async function messages(session: Session): Promise<MessageSeen[]> {
  const reply = await call(session, 'GET', `/api/bookings/${booking.id}/messages`);
  expect(reply.status).toBe(200);
  return (reply.body as { messages: MessageSeen[] }).messages;
}

describe('documents in a booking’s chat', () => {
  it('[CHAT7] a message carries its sender’s uploaded files, which the other party reads and no one else does', async () => {
    const statement = pdfFile();
    const receipt = jpegFile();
    const pdf = await upload(parties.client, statement, 'application/pdf');
    const jpeg = await upload(parties.client, receipt, 'image/jpeg');
    const sent = await send(parties.client, 'documents-1', [
      { hash: pdf, name: 'statement.pdf' },
      { hash: jpeg, name: ' receipt.jpg ' },
    ]);
    expect(sent.status).toBe(201);
    const documents = [
      { hash: pdf, name: 'statement.pdf', type: 'application/pdf', size: statement.length },
      { hash: jpeg, name: 'receipt.jpg', type: 'image/jpeg', size: receipt.length },
    ];
    expect(sent.body).toMatchObject({ text: '', documents });
    expect(await messages(parties.advisor)).toMatchObject([{ seq: 1, text: '', documents }]);

    const read = await download(parties.advisor, pdf);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-disposition')).toBe('attachment');
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(statement);
    expect((await download(parties.advisor, jpeg)).status).toBe(200);
    const stranger = await register(relay.httpUrl, 'stranger@example.com');
    expect((await download(stranger, pdf)).status).toBe(404);
  });

  it('[CHAT7] more than ten documents, one not uploaded by the sender, or one twice is refused with 422, and nothing is sent', async () => {
    const own = await upload(parties.advisor, pngFile(), 'image/png');
    const clients = await upload(parties.client, pdfFile(), 'application/pdf');
    const refusals = [
      Array.from({ length: maxDocumentsPerMessage + 1 }, (_, index) => ({ hash: own, name: `page-${index}.png` })),
      [{ hash: clients, name: 'not-mine.pdf' }],
      [{ hash: 'f'.repeat(64), name: 'never-uploaded.pdf' }],
      [
        { hash: own, name: 'chart.png' },
        { hash: own, name: 'chart-again.png' },
      ],
    ];
    for (const [index, documents] of refusals.entries()) {
      const refused = await send(parties.advisor, `refused-${index}`, documents, 'Here you are');
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ error: { code: 'chat_documents_refused' } });
    }
    expect((await send(parties.advisor, 'empty-one', [])).status).toBe(400);
    expect((await send(parties.advisor, 'bad-name', [{ hash: own, name: '  ' }])).status).toBe(400);
    expect(await messages(parties.client)).toEqual([]);
    expect((await download(parties.client, clients)).status).toBe(200);
    expect((await download(parties.client, own)).status).toBe(404);
  });

  it('[CHAT7][BLOB6] a file a conversation carries outlives the grace time, and is read by the parties only while the conversation is open', async () => {
    const chart = await upload(parties.advisor, pngFile(), 'image/png');
    const loose = await upload(parties.advisor, jpegFile(), 'image/jpeg');
    expect(
      (await send(parties.advisor, 'chart-message', [{ hash: chart, name: 'chart.png' }], 'Your chart')).status,
    ).toBe(201);
    clock.at = Date.parse(booking.end) + conversationOpenAfterSessionMs;
    expect(clock.at - bookingMonday).toBeGreaterThan(30 * DAY_MS);
    expect(await relay.app.blobSweeper.sweep()).toBe(1);
    expect((await download(parties.advisor, loose)).status).toBe(404);
    expect((await download(parties.client, chart)).status).toBe(200);
    clock.at += 1;
    expect((await download(parties.client, chart)).status).toBe(404);
    expect((await download(parties.advisor, chart)).status).toBe(200);
  });
});
