import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
const PATIENCE = { timeout: 60_000 } as const;
const LIMIT = 64 * 1024;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay({ blobMaxBytes: LIMIT });
});
afterAll(async () => {
  await world.stop();
});

/** A PDF of `bytes` bytes: its signature, then blank space. */
function pdfOf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, ' ')]);
}

test('[BLOB8] a PDF larger than the relay keeps is refused when picked, naming the relay’s own limit, and a smaller one attaches', async () => {
  const phone = await world.device();
  await phone.addAccount('Cash');
  await phone.connect('register', world.relayUrl, 'ines@example.com', 'Phone');
  await phone.waitForSyncState('synced');
  await phone.open('transactions');
  await phone.byTestId('add-transaction').click();
  await phone.fillTransaction({ amount: '80.00', payee: 'Notary', account: 'Cash' });

  await phone.byTestId('attach-file').setInputFiles({
    name: 'deed.pdf',
    mimeType: 'application/pdf',
    buffer: pdfOf(LIMIT + 1),
  });
  await expect(phone.byTestId('attachment-refused').textContent(PATIENCE)).resolves.toBe(
    'deed.pdf is larger than the 64 kB your relay keeps.',
  );
  await expect(phone.byTestId('attachment').count()).resolves.toBe(0);

  await phone.byTestId('attach-file').setInputFiles({
    name: 'summary.pdf',
    mimeType: 'application/pdf',
    buffer: pdfOf(LIMIT),
  });
  await phone.byTestId('attachment').waitFor(PATIENCE);
  await expect(phone.byTestId('attachment').allTextContents()).resolves.toEqual([
    expect.stringContaining('summary.pdf'),
  ]);
});
