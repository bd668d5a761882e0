import { readFileSync } from 'node:fs';
import { type Ledger, openLedger } from '@tally/schema';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { TallyDevice } from './tally-device.js';

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
const PATIENCE = { timeout: 120_000 } as const;

export const IMPORT_FIXTURES = new URL('../../test/fixtures/import/', import.meta.url);

export interface ExpectedStatement {
  readonly transactions: number;
  readonly sum_minor: number;
  readonly currency: string;
}

export function expectedStatements(): Record<string, ExpectedStatement> {
  return JSON.parse(readFileSync(new URL('expected.json', IMPORT_FIXTURES), 'utf8')) as Record<
    string,
    ExpectedStatement
  >;
}

export interface BankFile {
  readonly name: string;
  readonly buffer: Buffer;
}

export function fixture(name: string): BankFile {
  return { name, buffer: readFileSync(new URL(name, IMPORT_FIXTURES)) };
}

export async function openImport(device: TallyDevice): Promise<void> {
  await device.open('import');
  await device.byTestId('import-choose').waitFor(PATIENCE);
}

/** Chooses the account and the file on the first step; reading starts at once. */
export async function chooseFile(device: TallyDevice, file: BankFile, account: string): Promise<void> {
  await device.byTestId('import-account').selectOption({ label: account });
  await device
    .byTestId('import-file')
    .setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

export async function waitForMapping(device: TallyDevice): Promise<void> {
  await device.byTestId('import-mapping').waitFor(PATIENCE);
}

export interface ReviewSummary {
  readonly included: number;
  readonly sum: number;
  readonly duplicates: number;
}

export async function waitForReview(device: TallyDevice): Promise<ReviewSummary> {
  const summary = device.byTestId('review-summary');
  await summary.waitFor(PATIENCE);
  const read = async (name: string): Promise<number> => Number(await summary.getAttribute(`data-${name}`));
  return { included: await read('included'), sum: await read('sum'), duplicates: await read('duplicates') };
}

/** Confirms the review and waits for the done step: how many transactions it says it added, and their sum. */
export async function confirmImport(device: TallyDevice): Promise<{ count: number; sum: number }> {
  await device.byTestId('review-confirm').click();
  const done = device.byTestId('import-done');
  await done.waitFor(PATIENCE);
  return { count: Number(await done.getAttribute('data-count')), sum: Number(await done.getAttribute('data-sum')) };
}

/** A CSV or OFX file all the way in: choose, accept the guessed mapping if asked, confirm everything. */
export async function importFile(
  device: TallyDevice,
  file: BankFile,
  account: string,
): Promise<{ count: number; sum: number }> {
  await openImport(device);
  await chooseFile(device, file, account);
  await device.page.locator('[data-testid="import-mapping"], [data-testid="import-review"]').first().waitFor(PATIENCE);
  if (await device.byTestId('import-mapping').isVisible()) await device.byTestId('mapping-continue').click();
  await waitForReview(device);
  return confirmImport(device);
}

export interface LedgerTotals {
  readonly count: number;
  readonly sum: number;
}

/** Waits until the device's stored transaction index (written when the page is idle) holds exactly these live transactions. */
export async function waitForStoredTotals(device: TallyDevice, expected: LedgerTotals): Promise<void> {
  await device.page.waitForFunction(
    (want) =>
      new Promise<boolean>((resolve) => {
        const opening = indexedDB.open('tally');
        opening.onerror = () => resolve(false);
        opening.onsuccess = () => {
          const reading = opening.result.transaction('transactionMonths').objectStore('transactionMonths').getAll();
          reading.onerror = () => resolve(false);
          reading.onsuccess = () => {
            opening.result.close();
            const rows = (reading.result as { rows: { amount: number }[] }[]).flatMap((month) => month.rows);
            resolve(rows.length === want.count && rows.reduce((sum, row) => sum + row.amount, 0) === want.sum);
          };
        };
      }),
    expected,
    { ...PATIENCE, polling: 250 },
  );
}

/** The newest transaction in the stored index, as the transaction list shows first. */
export async function newestStoredTransaction(device: TallyDevice): Promise<{ id: string; payee: string }> {
  return device.page.evaluate(
    () =>
      new Promise<{ id: string; payee: string }>((resolve, reject) => {
        const opening = indexedDB.open('tally');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const reading = opening.result
            .transaction('transactionMonths')
            .objectStore('transactionMonths')
            .openCursor(null, 'prev');
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            opening.result.close();
            const month = reading.result?.value as { rows: { id: string; payee: string }[] } | undefined;
            const row = month?.rows[0];
            if (row) resolve({ id: row.id, payee: row.payee });
            else reject(new Error('no stored transaction'));
          };
        };
      }),
  );
}

/** A statement of `count` lines in a bank's usual CSV shape, ISO dates, every line different. */
export function generatedCsv(count: number, name = 'large-statement.csv'): BankFile {
  const payees = [
    'Corner Bakery',
    'City Transit',
    'Green Grocer',
    'Book Nook',
    'Cinema Paradiso',
    'Hardware Hub',
    'Pharmacy Plus',
    'Coffee Cart',
  ];
  const lines = ['Date,Description,Amount,Reference'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i += 1) {
    const day = new Date(start + Math.floor(i / 40) * 86_400_000).toISOString().slice(0, 10);
    const cents = ((i * 7919) % 20_000) + 1;
    const amount = `${i % 10 === 0 ? '' : '-'}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    lines.push(`${day},${payees[i % payees.length] ?? ''} ${i},${amount},REF${i}`);
  }
  return { name, buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}

/** Confirms the review and waits until writing has added at least `done` transactions. */
export async function confirmAndWaitForWriting(device: TallyDevice, done: number): Promise<void> {
  await device.byTestId('review-confirm').click();
  await device.page.waitForFunction(
    (want) => {
      const progress = document.querySelector('[data-testid="import-progress"][data-phase="writing"]');
      return progress !== null && Number(progress.getAttribute('data-done')) >= want;
    },
    done,
    { ...PATIENCE, polling: 'raf' },
  );
}

/** The test id of the element that has focus, or null. */
export async function focusedTestId(device: TallyDevice): Promise<string | null> {
  return device.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Waits for an undo's announcement in the region with this test id: how many transactions it removed. */
export async function undoRemoved(
  device: TallyDevice,
  statusTestId: string,
): Promise<{ removed: number; text: string }> {
  const status = device.page.locator(`[data-testid="${statusTestId}"][data-outcome="removed"]`);
  await status.waitFor(PATIENCE);
  return { removed: Number(await status.getAttribute('data-removed')), text: (await status.textContent()) ?? '' };
}

/**
 * Another device of the same user, with no screen: the user's ledger synced through the relay with
 * the device's session, to change it while the device is busy (in the middle of writing an import).
 */
export async function headlessPeer(device: TallyDevice): Promise<{ readonly ledger: Ledger; close(): void }> {
  const session = await device.page.evaluate(
    () =>
      new Promise<{ relayUrl: string; docId: string; accessToken: string } | undefined>((resolve, reject) => {
        const opening = indexedDB.open('tally');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const reading = opening.result.transaction('settings').objectStore('settings').get('relay.session');
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            opening.result.close();
            resolve(
              (reading.result as { value?: { relayUrl: string; docId: string; accessToken: string } } | undefined)
                ?.value,
            );
          };
        };
      }),
  );
  if (!session) throw new Error('the device is not connected to a relay');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${session.relayUrl.replace(/^http/, 'ws')}/sync`, session.docId, doc, {
    params: { token: session.accessToken },
    // Node 20 has no WebSocket; `ws` speaks the same protocol but its typings are not the DOM's.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  await new Promise<void>((resolve) => {
    const synced = (state: boolean): void => {
      if (!state) return;
      provider.off('sync', synced);
      resolve();
    };
    provider.on('sync', synced);
  });
  return {
    ledger: openLedger(doc),
    close: () => provider.destroy(),
  };
}

/**
 * Runs the device's page `rate` times slower (1 is full speed), so that a change from another
 * device reliably arrives while a long piece of work, such as writing an import, is still going.
 */
export async function throttleCpu(device: TallyDevice, rate: number): Promise<void> {
  const cdp = await device.context.newCDPSession(device.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.detach();
}

/** Waits for the import to end, finished or failed: which one, with the failure's code. */
export async function importEnd(device: TallyDevice): Promise<{ step: string | null; code: string | null }> {
  const end = device.page.locator('[data-testid="import-done"], [data-testid="import-error"]').first();
  await end.waitFor(PATIENCE);
  return { step: await end.getAttribute('data-testid'), code: await end.getAttribute('data-code') };
}
