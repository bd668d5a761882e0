import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import {
  advisorAndClient,
  bookingMonday,
  requestSession,
  TestClock,
} from '../../../relay/src/testing/booked-session.js';
import { pdfFile } from '../../../relay/src/testing/receipt-files.js';
import { DataDir, RunningRelay } from '../../../relay/src/testing/relay-harness.js';
import { advisorApi } from './advisor-api.js';
import { RelayApi } from './relay-api.js';

let dataDir: DataDir;
let relay: RunningRelay;

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir, { clock: new TestClock(bookingMonday).now, authRequestsPerMinute: 10_000 });
});
afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

test('a message sent with an uploaded PDF reaches the other party with its name, type and size, and they can fetch it', async () => {
  const parties = await advisorAndClient(relay.httpUrl, relay.storage);
  const booking = await requestSession(relay.httpUrl, parties, bookingMonday);
  const api = new RelayApi(relay.httpUrl);
  const pdf = pdfFile();
  const hash = createHash('sha256').update(pdf).digest('hex');
  await api.putBlob(parties.client.accessToken, hash, 'application/pdf', pdf.slice().buffer);

  const sent = await advisorApi.send(api, parties.client.accessToken, booking.id, 'with-a-pdf', 'The invoice', [
    { hash, name: 'invoice.pdf' },
  ]);
  const document = { hash, name: 'invoice.pdf', type: 'application/pdf', size: pdf.byteLength };
  expect(sent.documents).toEqual([document]);

  const seen = await advisorApi.messages(api, parties.advisor.accessToken, booking.id, 'newest');
  expect(seen.messages.map((message) => [message.text, message.documents])).toEqual([['The invoice', [document]]]);
  const fetched = await api.getBlob(parties.advisor.accessToken, hash);
  expect([fetched.type, fetched.bytes.byteLength]).toEqual(['application/pdf', pdf.byteLength]);
});

test('a message with no documents reads as one with none', async () => {
  const parties = await advisorAndClient(relay.httpUrl, relay.storage);
  const booking = await requestSession(relay.httpUrl, parties, bookingMonday);
  const api = new RelayApi(relay.httpUrl);
  const sent = await advisorApi.send(api, parties.client.accessToken, booking.id, 'only-words', 'Hello');
  expect(sent.documents).toEqual([]);
});
