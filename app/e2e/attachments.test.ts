import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { cameraPhoto, hasGpsLocation, jpegSize, storedAttachment } from './support/jpeg-bytes.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  // The relay serves the app itself here, so stopping it takes everything off the network.
  world = await TallyWorld.start('relay');
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

/** The attachment of the open form, by its place. */
function attachment(device: TallyDevice, index = 0) {
  return device.byTestId('attachment').nth(index);
}

/** Waits until the attachment's thumbnail shows the photo itself: its bytes are here and the page could draw them. */
async function photoShown(device: TallyDevice, index = 0): Promise<void> {
  const thumb = attachment(device, index).getByTestId('attachment-thumb');
  await thumb.waitFor(PATIENCE);
  await expect.poll(() => thumb.evaluate((image: HTMLImageElement) => image.naturalWidth), PATIENCE).toBeGreaterThan(0);
}

async function openTransaction(device: TallyDevice, payee: string): Promise<void> {
  await device.open('transactions');
  await device.rowByPayee(payee).click(PATIENCE);
  await device.byTestId('transaction-editor').waitFor(PATIENCE);
}

test('a receipt attached offline shows at once, stays on the device through a reload, syncs when the relay is back, and a second device keeps it for offline use', async () => {
  const laptop = await world.device();
  await laptop.addAccount('Checking');
  await laptop.connect('register', world.relayUrl, 'ana@example.com', 'Phone');
  await laptop.waitForSyncState('synced');
  await laptop.waitForServiceWorker();
  const photo = await cameraPhoto(laptop.page, 1200, 900);

  await world.stopRelay();
  await laptop.waitForSyncState('offline');
  await laptop.open('transactions');
  await laptop.byTestId('add-transaction').click();
  await laptop.fillTransaction({ amount: '23.40', payee: 'Hardware store', account: 'Checking' });
  await laptop.byTestId('attach-file').setInputFiles({ name: 'till.jpg', mimeType: 'image/jpeg', buffer: photo });
  await photoShown(laptop);
  await laptop.byTestId('save').click();
  await laptop.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await laptop.rowByPayee('Hardware store').getByTestId('attachment-thumb').waitFor(PATIENCE);

  await laptop.reload();
  await openTransaction(laptop, 'Hardware store');
  await photoShown(laptop);
  await expect(attachment(laptop).getByTestId('attachment-status').textContent()).resolves.toBe(
    'On this device only, not yet on the relay',
  );

  await world.startRelay();
  await attachment(laptop).locator('[data-testid="attachment-status"][data-status="synced"]').waitFor(PATIENCE);
  await expect(attachment(laptop).getByTestId('attachment-status').textContent()).resolves.toBe('Synced');
  await laptop.byTestId('cancel').click();
  await laptop.waitForSyncState('synced');

  const desktop = await world.device();
  await desktop.connect('login', world.relayUrl, 'ana@example.com', 'Desktop');
  await desktop.waitForSyncState('synced');
  await desktop.waitForServiceWorker();
  await desktop.open('transactions');
  // The list does not download: until the transaction is opened, a placeholder stands for the photo.
  await desktop.rowByPayee('Hardware store').getByTestId('attachment-placeholder').waitFor(PATIENCE);
  await openTransaction(desktop, 'Hardware store');
  await photoShown(desktop);
  await expect(attachment(desktop).getByTestId('attachment-status').textContent()).resolves.toBe('Synced');
  await desktop.byTestId('cancel').click();

  // Freeing space keeps it only on the relay: the form shows a placeholder until it downloads again.
  await desktop.open('settings');
  await desktop.byTestId('free-attachment-space').click();
  await desktop.byTestId('attachment-space-freed').waitFor(PATIENCE);
  await expect(desktop.byTestId('attachment-usage').textContent()).resolves.toBe(
    'No attachments are kept on this device.',
  );
  await openTransaction(desktop, 'Hardware store');
  await photoShown(desktop);
  await desktop.byTestId('cancel').click();

  await world.stopRelay();
  await desktop.waitForSyncState('offline');
  await desktop.reload();
  await openTransaction(desktop, 'Hardware store');
  await photoShown(desktop);
  await world.startRelay();
});

test('a 12-megapixel photo is kept downscaled to a 2,000 px long edge, without the location its camera wrote', async () => {
  const phone = await world.device();
  await phone.addAccount('Cash');
  const photo = await cameraPhoto(phone.page);
  expect(jpegSize(photo)).toEqual({ width: 4000, height: 3000 });
  expect(hasGpsLocation(photo)).toBe(true);

  await phone.open('transactions');
  await phone.byTestId('add-transaction').click();
  await phone.fillTransaction({ amount: '8.90', payee: 'Bakery', account: 'Cash' });
  await phone.byTestId('attach-file').setInputFiles({ name: 'IMG_0042.JPG', mimeType: 'image/jpeg', buffer: photo });
  await photoShown(phone);
  await expect(attachment(phone).textContent()).resolves.toContain('IMG_0042.jpg');
  const hash = await attachment(phone).getAttribute('data-hash');
  await phone.byTestId('save').click();
  await phone.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });

  const stored = await storedAttachment(phone.page, hash ?? '');
  expect(stored?.type).toBe('image/jpeg');
  const bytes = stored?.bytes ?? Buffer.alloc(0);
  expect(jpegSize(bytes)).toEqual({ width: 2000, height: 1500 });
  expect(hasGpsLocation(bytes)).toBe(false);
  expect(bytes.length).toBeLessThan(photo.length);
});

/** The smallest PDF a viewer opens: one empty page. */
const ONE_PAGE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('on a 360 px phone, by keyboard, in Spanish: a photo and a PDF attach, the photo opens full size, and removing one is saved like any edit', async () => {
  // axe is injected as a script, which the relay's Content-Security-Policy would refuse.
  const phone = await world.device({
    locale: 'es-ES',
    viewport: { width: 360, height: 740 },
    context: { bypassCSP: true },
  });
  await phone.addAccount('Efectivo');
  const photo = await cameraPhoto(phone.page, 800, 600);
  await phone.open('transactions');
  await phone.byTestId('add-transaction').click();
  await phone.fillTransaction({ amount: '12,00', payee: 'Farmacia', account: 'Efectivo' });
  await phone.byTestId('attach-file').setInputFiles([
    { name: 'ticket.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'factura.pdf', mimeType: 'application/pdf', buffer: ONE_PAGE_PDF },
  ]);
  await attachment(phone, 1).waitFor(PATIENCE);
  await photoShown(phone);
  await expect(attachment(phone, 1).getByTestId('attachment-status').textContent()).resolves.toBe(
    'Solo en este dispositivo, aún no en el relay',
  );
  const sheet = phone.page.locator('.sheet__body');
  await expect(sheet.evaluate((body) => body.scrollWidth <= body.clientWidth)).resolves.toBe(true);
  await expect(axeViolations(phone.page)).resolves.toEqual([]);

  await attachment(phone).getByTestId('view-attachment').focus();
  await phone.page.keyboard.press('Enter');
  await phone.byTestId('attachment-full').waitFor(PATIENCE);
  await expect(axeViolations(phone.page)).resolves.toEqual([]);
  await phone.page.keyboard.press('Escape');
  await phone.byTestId('attachment-viewer').waitFor({ state: 'detached', ...PATIENCE });
  await attachment(phone, 1).getByTestId('view-attachment').click();
  await phone.byTestId('attachment-open').waitFor(PATIENCE);
  await phone.byTestId('attachment-close').click();
  await phone.byTestId('save').click();
  await phone.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });

  await openTransaction(phone, 'Farmacia');
  await expect(phone.byTestId('attachment').count()).resolves.toBe(2);
  await attachment(phone).getByTestId('remove-attachment').focus();
  await phone.page.keyboard.press('Enter');
  await expect(phone.byTestId('attachment').count()).resolves.toBe(1);
  await phone.byTestId('save').click();
  await phone.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await openTransaction(phone, 'Farmacia');
  await expect(phone.byTestId('attachment').allTextContents()).resolves.toEqual([
    expect.stringContaining('factura.pdf'),
  ]);
});
