import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pdfFile } from '../../relay/src/testing/receipt-files.js';
import { register } from '../../relay/src/testing/relay-harness.js';
import { publishAdvisor } from './support/advisor-steps.js';
import { checkPhoneScreen } from './support/phone-screen.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;
const PHONE = { width: 360, height: 740 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

/** The length and type of the bytes a document's link on the page holds. */
async function linkedBytes(device: TallyDevice): Promise<[number, string]> {
  const href = await device.byTestId('chat-document-file').getAttribute('href', PATIENCE);
  if (href === null) throw new Error('the document has no link');
  return device.page.evaluate(async (url) => {
    const blob = await (await fetch(url)).blob();
    return [blob.size, blob.type] as [number, string];
  }, href);
}

test('the client attaches a PDF to a message by keyboard; the advisor sees it live and opens it; no one else may fetch it; offline the control says why it is off', async () => {
  const advisor = await world.device({ viewport: PHONE });
  await publishAdvisor(world, advisor);

  const client = await world.device({ viewport: PHONE });
  await client.connect('register', world.relayUrl, 'ben.baker@example.com', 'Ben’s phone');
  await client.open('advisors');
  await client.page.locator('[data-testid="advisor-row"]', { hasText: 'Ada Advisor' }).click();
  await client.byTestId('booking-slot').first().waitFor(PATIENCE);
  await client.byTestId('booking-slot').first().check();
  await client.byTestId('request-booking').click();
  await client.page.locator('[data-testid="booking-page"][data-status="requested"]').waitFor(PATIENCE);

  // The advisor has the conversation open before the document is sent.
  await advisor.open('bookings');
  await advisor.page.locator('[data-testid="booking-row"]', { hasText: 'ben.baker' }).click();
  await advisor.byTestId('conversation').waitFor(PATIENCE);

  // A file larger than a relay keeps is not attached, and the person is told so before any upload.
  const scan = Buffer.alloc(15 * 1024 * 1024 + 1, ' ');
  scan.write('%PDF-1.4\n');
  await client.byTestId('chat-attach').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: scan });
  await expect(client.byTestId('chat-document-too-large').textContent()).resolves.toBe(
    'scan.pdf is larger than the 15 MB your relay keeps, so it was not attached.',
  );
  await expect(client.byTestId('chat-picked').count()).resolves.toBe(0);

  // Two files picked, one removed again: only the invoice goes.
  const pdf = pdfFile();
  await client.byTestId('chat-attach').setInputFiles([
    { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
    { name: 'draft.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfFile('Draft')) },
  ]);
  await expect(client.byTestId('chat-picked').allTextContents()).resolves.toEqual(['invoice.pdf ×', 'draft.pdf ×']);
  await client.page.getByRole('button', { name: 'Remove the document draft.pdf' }).focus();
  await client.page.keyboard.press('Enter');
  await expect(client.byTestId('chat-picked').allTextContents()).resolves.toEqual(['invoice.pdf ×']);
  await checkPhoneScreen(client);
  await client.byTestId('chat-text').fill('The invoice');
  await client.byTestId('chat-send').focus();
  await client.page.keyboard.press('Enter');
  await client.page
    .locator('[data-testid="chat-message"][data-state="sent"]', { hasText: 'The invoice' })
    .getByTestId('chat-document')
    .waitFor(PATIENCE);
  await expect(client.byTestId('chat-picked').count()).resolves.toBe(0);

  // Live on the advisor's screen, with its type and size; opened by keyboard, its bytes are the PDF's.
  const shown = advisor.page.locator('[data-testid="chat-message"]', { hasText: 'The invoice' });
  await shown.getByTestId('chat-document').waitFor(PATIENCE);
  await expect(shown.getByTestId('chat-document').getAttribute('aria-label')).resolves.toBe(
    `Open invoice.pdf (PDF, ${(pdf.byteLength / 1000).toFixed(1)} kB)`,
  );
  await checkPhoneScreen(advisor);
  await shown.getByTestId('chat-document').focus();
  await advisor.page.keyboard.press('Enter');
  await expect(linkedBytes(advisor)).resolves.toEqual([pdf.byteLength, 'application/pdf']);

  // A third account, not a party to the booking, cannot fetch it.
  const stranger = await register(world.relayUrl, 'eve@example.com');
  const hash = createHash('sha256').update(pdf).digest('hex');
  const refused = await fetch(`${world.relayUrl}/api/blobs/${hash}`, {
    headers: { authorization: `Bearer ${stranger.accessToken}` },
  });
  expect(refused.status).toBe(404);

  // Offline, documents cannot be attached, and the control says so.
  await client.context.setOffline(true);
  await client.byTestId('chat-documents-offline').waitFor(PATIENCE);
  await expect(client.byTestId('chat-attach').isDisabled()).resolves.toBe(true);
  await checkPhoneScreen(client);
  await client.context.setOffline(false);
});
