import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Attachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../records/index.js';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { attachmentHashes, attachmentHashesInUpdate } from './attachment-references.js';
import { LEDGER_FORMAT, readFormat } from './format.js';
import { Ledger } from './ledger.js';
import { LedgerError } from './ledger-error.js';

function device(seed: number, now: number, doc = new Y.Doc()): { doc: Y.Doc; ledger: Ledger } {
  return { doc, ledger: new Ledger(doc, { random: new SeededRandom(seed), now: () => now }) };
}

function receipt(digit: string, fields: Partial<Attachment> = {}): Attachment {
  return {
    hash: digit.repeat(64),
    name: 'receipt.jpg',
    type: 'image/jpeg',
    size: 48_213,
    addedAt: 1_780_000_000_000,
    ...fields,
  };
}

function withTransaction(seed = 1, now = 1_000): { doc: Y.Doc; ledger: Ledger; id: string } {
  const { doc, ledger } = device(seed, now);
  const accountId = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
  const id = ledger.transactions.create({ date: '2026-06-01', amount: -1_250, currency: 'EUR', accountId }).id;
  return { doc, ledger, id };
}

describe('ledger: attachments of transactions', () => {
  it('[ATT1] a transaction keeps the receipts attached to it, and has none until one is attached', () => {
    const { ledger, id } = withTransaction();
    expect(ledger.transactions.get(id)?.attachments).toEqual([]);
    const pdf = receipt('b', { name: 'invoice.pdf', type: 'application/pdf', size: 120_004 });
    ledger.transactions.update(id, { attachments: [receipt('a'), pdf] });
    expect(ledger.transactions.get(id)?.attachments).toEqual([receipt('a'), pdf]);
  });

  it.each([
    ['a hash that is not SHA-256 hex', [receipt('a', { hash: 'A'.repeat(64) })], /SHA-256/],
    ['the same file twice', [receipt('a'), receipt('a', { name: 'again.jpg' })], /already attached/],
    ['an empty name', [receipt('a', { name: '  ' })], /needs a name/],
    ['a name too long', [receipt('a', { name: `${'x'.repeat(201)}.jpg` })], /at most 200 characters/],
    ['a name with a line break', [receipt('a', { name: 'a\nb.jpg' })], /control character/],
    ['a type that is not a receipt’s', [{ ...receipt('a'), type: 'text/html' }], /must be one of/],
    ['an empty file', [receipt('a', { size: 0 })], /size/],
    ['a file over the limit', [receipt('a', { size: MAX_ATTACHMENT_BYTES + 1 })], /size/],
    ['a fraction of a millisecond', [receipt('a', { addedAt: 1.5 })], /milliseconds/],
    [
      'more files than a transaction holds',
      Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, index) =>
        receipt('c', { hash: index.toString(16).padStart(64, 'c') }),
      ),
      /at most 20 attachments/,
    ],
  ])('[ATT1] attachments with %s are refused, and nothing is written', (_, attachments, message) => {
    const { doc, ledger, id } = withTransaction();
    const before = Y.encodeStateVector(doc);
    expect(() => ledger.transactions.update(id, { attachments: attachments as Attachment[] })).toThrow(LedgerError);
    expect(() => ledger.transactions.update(id, { attachments: attachments as Attachment[] })).toThrow(message);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('[ATT2] two devices attaching at once settle on one list whole, the later; other fields edited meanwhile survive', () => {
    const a = withTransaction(1, 1_000);
    const b = device(2, 2_000);
    syncDocs(a.doc, b.doc);
    a.ledger.transactions.update(a.id, { attachments: [receipt('a')], notes: 'lunch with the team' });
    b.ledger.transactions.update(a.id, { attachments: [receipt('b')] });
    syncDocs(a.doc, b.doc);
    for (const { ledger } of [a, b]) {
      expect(ledger.transactions.get(a.id)).toMatchObject({
        attachments: [receipt('b')],
        notes: 'lunch with the team',
      });
    }
  });

  it('[ATT3] a ledger of format 1 is brought to the format that knows attachments when a device opens it', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('version/old', 1);
    const { ledger } = device(1, 1_000, doc);
    expect(LEDGER_FORMAT).toBe(2);
    expect(readFormat(doc.getMap('meta'))).toBe(2);
    expect(ledger.formatVersion).toBe(2);
    expect(ledger.writable).toBe(true);
  });

  it('[ATT3] a viewer opening a ledger of format 1 writes nothing, not even the new format', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('version/old', 1);
    const before = Y.encodeStateVector(doc);
    const ledger = new Ledger(doc, { viewOnly: true });
    expect(ledger.formatVersion).toBe(1);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('[ATT4] a ledger names the files of its live transactions, not those of deleted ones or of removed attachments', () => {
    const { doc, ledger, id } = withTransaction();
    const accountId = ledger.accounts.list()[0]?.id ?? '';
    const other = ledger.transactions.create({
      date: '2026-06-02',
      amount: -900,
      currency: 'EUR',
      accountId,
      attachments: [receipt('c'), receipt('d')],
    }).id;
    ledger.transactions.update(id, { attachments: [receipt('a'), receipt('b')] });
    expect(attachmentHashes(doc)).toEqual(new Set(['a', 'b', 'c', 'd'].map((digit) => digit.repeat(64))));
    ledger.transactions.update(id, { attachments: [receipt('b')] });
    ledger.transactions.delete(other);
    expect(attachmentHashes(doc)).toEqual(new Set(['b'.repeat(64)]));
    expect(attachmentHashes(doc, [other])).toEqual(new Set());
  });

  it('[ATT4] the files an update names are read from the update alone', () => {
    const { doc, ledger, id } = withTransaction();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    ledger.transactions.update(id, { payee: 'Market' });
    ledger.transactions.update(id, { attachments: [receipt('a'), receipt('b')] });
    expect(attachmentHashesInUpdate(updates[0] ?? new Uint8Array())).toEqual(new Set());
    expect(attachmentHashesInUpdate(updates[1] ?? new Uint8Array())).toEqual(new Set(['a'.repeat(64), 'b'.repeat(64)]));
  });
});
