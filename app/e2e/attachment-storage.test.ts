import { afterAll, beforeAll, expect, test } from 'vitest';
import { MemoryBlobStore } from '../../relay/src/blobs/memory-blob-store.js';
import { cameraPhoto, storedAttachment } from './support/jpeg-bytes.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
/** The relay's files, kept across its restart as its data directory keeps them. */
const files = new MemoryBlobStore();
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay({ blobStore: files });
});
afterAll(async () => {
  await world.stop();
});

/** Adds a transaction with one file attached and saves it; answers the attachment's hash. */
async function addWithAttachment(
  device: TallyDevice,
  payee: string,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<string> {
  await device.open('transactions');
  await device.byTestId('add-transaction').click();
  await device.fillTransaction({ amount: '9.50', payee, account: 'Cash' });
  await device.byTestId('attach-file').setInputFiles(file);
  const attachment = device.byTestId('attachment').first();
  await attachment.waitFor(PATIENCE);
  const hash = (await attachment.getAttribute('data-hash')) ?? '';
  await device.byTestId('save').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  return hash;
}

async function openTransaction(device: TallyDevice, payee: string): Promise<void> {
  await device.open('transactions');
  await device.rowByPayee(payee).click(PATIENCE);
  await device.byTestId('transaction-editor').waitFor(PATIENCE);
}

async function storedBytes(device: TallyDevice, hash: string): Promise<number | undefined> {
  return (await storedAttachment(device.page, hash))?.bytes.length;
}

test('Settings shows what attachments take on the device; keeping the synced ones only on the relay removes the device’s copy, keeps the relay’s and what is only here, and a view downloads it again', async () => {
  const phone = await world.device();
  await phone.addAccount('Cash');
  await phone.connect('register', world.relayUrl, 'noa@example.com', 'Phone');
  await phone.waitForSyncState('synced');

  const bakery = await addWithAttachment(phone, 'Bakery', {
    name: 'bakery.jpg',
    mimeType: 'image/jpeg',
    buffer: await cameraPhoto(phone.page, 900, 600),
  });
  await openTransaction(phone, 'Bakery');
  await phone.page.locator('[data-testid="attachment-status"][data-status="synced"]').waitFor(PATIENCE);
  await phone.byTestId('cancel').click();

  await world.stopRelay();
  await phone.waitForSyncState('offline');
  const market = await addWithAttachment(phone, 'Market', {
    name: 'market.jpg',
    mimeType: 'image/jpeg',
    buffer: await cameraPhoto(phone.page, 640, 480),
  });
  const bakeryBytes = (await storedBytes(phone, bakery)) ?? 0;
  const marketBytes = (await storedBytes(phone, market)) ?? 0;
  expect(bakeryBytes).toBeGreaterThan(0);
  expect(marketBytes).toBeGreaterThan(0);

  await phone.open('settings');
  const usage = phone.byTestId('attachment-usage');
  await expect.poll(() => usage.getAttribute('data-bytes'), PATIENCE).toBe(String(bakeryBytes + marketBytes));
  await expect(usage.textContent()).resolves.toMatch(/^2 files, [\d.]+ MB$/);
  await phone.byTestId('free-attachment-space').click();
  await expect(phone.byTestId('attachment-space-freed').textContent()).resolves.toMatch(/^[\d.]+ MB freed\.$/);
  await expect.poll(() => usage.getAttribute('data-bytes'), PATIENCE).toBe(String(marketBytes));
  await expect(usage.textContent()).resolves.toMatch(/^1 file, [\d.]+ MB$/);
  // Only the market's receipt, on no relay yet, is left to keep: nothing more can be freed.
  await expect(phone.byTestId('free-attachment-space').count()).resolves.toBe(0);
  await expect(storedBytes(phone, bakery)).resolves.toBeUndefined();
  await expect(storedBytes(phone, market)).resolves.toBe(marketBytes);

  // The list never downloads: the freed one is a placeholder, the one only here still a thumbnail.
  await phone.open('transactions');
  await phone.rowByPayee('Bakery').getByTestId('attachment-placeholder').waitFor(PATIENCE);
  await phone.rowByPayee('Market').getByTestId('attachment-thumb').waitFor(PATIENCE);

  await world.startRelay({ blobStore: files });
  await phone.waitForSyncState('synced');
  await openTransaction(phone, 'Bakery');
  const thumb = phone.byTestId('attachment').first().getByTestId('attachment-thumb');
  await expect.poll(() => thumb.evaluate((image: HTMLImageElement) => image.naturalWidth), PATIENCE).toBe(900);
  await expect(storedBytes(phone, bakery)).resolves.toBe(bakeryBytes);
});

/** The smallest PDF a viewer opens: one empty page. */
const ONE_PAGE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('a PDF opens in a new tab as application/pdf with its own bytes, not as a download of something else', async () => {
  const laptop = await world.device();
  await laptop.addAccount('Cash');
  await addWithAttachment(laptop, 'Accountant', {
    name: 'invoice.pdf',
    mimeType: 'application/octet-stream',
    buffer: ONE_PAGE_PDF,
  });
  await openTransaction(laptop, 'Accountant');
  await laptop.byTestId('view-attachment').first().click();
  const open = laptop.byTestId('attachment-open');
  await open.waitFor(PATIENCE);
  await expect(open.getAttribute('target')).resolves.toBe('_blank');
  await expect(open.getAttribute('download')).resolves.toBeNull();
  const href = (await open.getAttribute('href')) ?? '';
  expect(href).toMatch(/^blob:/);

  // Headless Chromium has no PDF viewer to look at; what it is given to show is what a viewer would get.
  const opening = laptop.page.context().waitForEvent('page', PATIENCE);
  await open.click();
  const tab = await opening;
  expect(tab.url()).toBe(href);
  const served = await laptop.page.evaluate(async (url) => {
    const blob = await (await fetch(url)).blob();
    return { type: blob.type, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) };
  }, href);
  expect(served.type).toBe('application/pdf');
  expect(Buffer.from(served.bytes)).toEqual(ONE_PAGE_PDF);
  await tab.close();
});
