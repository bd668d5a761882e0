import { describe, expect, it } from 'vitest';
import { batchOf, importIdOf, lineKeyOf } from './import-id.js';
import {
  directionOf,
  initialSelection,
  pageOf,
  type ReviewLine,
  setDuplicates,
  setLineCategory,
  summarise,
  toggleLine,
  transactionsToWrite,
} from './review.js';

function line(partial: Partial<ReviewLine> & Pick<ReviewLine, 'line' | 'amount'>): ReviewLine {
  return {
    date: '2026-03-01',
    payee: 'Bakery',
    memo: '',
    key: `line:${partial.line}`,
    match: { kind: 'new' },
    suggestion: null,
    categoryId: partial.suggestion?.categoryId ?? null,
    ...partial,
  };
}

const lines: ReviewLine[] = [
  line({ line: 2, amount: -350 }),
  line({ line: 3, amount: -1200, match: { kind: 'same-import', transactionId: 't1' } }),
  line({ line: 4, amount: 10000, payee: 'Salary', suggestion: { categoryId: 'income', source: 'rule' } }),
  line({
    line: 5,
    amount: -999,
    match: { kind: 'likely', transactionId: 't2', similarity: 0.8 },
    suggestion: { categoryId: 'gone', source: 'learned' },
  }),
];
const BATCH = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('reviewing an import', () => {
  it('leaves out the lines already in the ledger and includes every new one', () => {
    const selection = initialSelection(lines);
    expect(selection).toEqual([true, false, true, false]);
    expect(summarise(lines, selection)).toEqual({
      lines: 4,
      included: 2,
      sum: 9650,
      duplicates: 2,
      duplicatesIncluded: 0,
      noAmount: 0,
    });
  });

  it('lets one line in or out, and all duplicates at once, without touching the others', () => {
    const selection = toggleLine(toggleLine(initialSelection(lines), 0), 3);
    expect(selection).toEqual([false, false, true, true]);
    expect(setDuplicates(lines, selection, true)).toEqual([false, true, true, true]);
    expect(setDuplicates(lines, selection, false)).toEqual([false, false, true, false]);
    expect(summarise(lines, selection)).toMatchObject({ included: 2, sum: 9001, duplicatesIncluded: 1 });
  });

  it('writes only the included lines, each carrying the import and its line, with a category only if it still exists', () => {
    const written = transactionsToWrite(lines, [true, false, true, true], {
      accountId: 'acct',
      currency: 'EUR',
      batch: BATCH,
      categoryIds: new Set(['income']),
    });
    expect(written.map((item) => item.line)).toEqual([2, 4, 5]);
    expect(written[1]?.transaction).toMatchObject({
      accountId: 'acct',
      currency: 'EUR',
      amount: 10000,
      payee: 'Salary',
      categoryId: 'income',
    });
    expect(written[2]?.transaction.categoryId).toBeNull();
    for (const { transaction } of written) expect(batchOf(transaction.importId ?? null)).toBe(BATCH);
    expect(lineKeyOf(written[0]?.transaction.importId ?? '')).toBe('line:2');
  });

  it('writes the category the person chose for a line, and none for a line they cleared', () => {
    const chosen = setLineCategory(setLineCategory(lines, 0, 'food'), 2, null);
    expect(chosen[2]?.suggestion).toEqual({ categoryId: 'income', source: 'rule' });
    const written = transactionsToWrite(chosen, [true, false, true, false], {
      accountId: 'acct',
      currency: 'EUR',
      batch: BATCH,
      categoryIds: new Set(['income', 'food']),
    });
    expect(written.map((each) => each.transaction.categoryId)).toEqual(['food', null]);
  });

  it('counts a line of no amount (a waived fee) as neither money in nor out, and still imports it', () => {
    const waived = [...lines, line({ line: 6, amount: 0, payee: 'Monthly fee waived' })];
    const selection = initialSelection(waived);
    expect(waived.map((item) => directionOf(item.amount))).toEqual(['out', 'out', 'in', 'out', 'none']);
    expect(summarise(waived, selection)).toMatchObject({ included: 3, sum: 9650, noAmount: 1 });
    expect(summarise(waived, toggleLine(selection, 4))).toMatchObject({ included: 2, noAmount: 0 });
    const written = transactionsToWrite(waived, selection, {
      accountId: 'a',
      currency: 'USD',
      batch: BATCH,
      categoryIds: new Set(),
    });
    expect(written.at(-1)?.transaction).toMatchObject({ amount: 0, payee: 'Monthly fee waived' });
  });

  it('cuts payees and notes to what the ledger keeps', () => {
    const long = line({ line: 9, amount: -1, payee: 'x'.repeat(300), memo: 'y'.repeat(3000) });
    const [written] = transactionsToWrite([long], [true], {
      accountId: 'a',
      currency: 'USD',
      batch: BATCH,
      categoryIds: new Set(),
    });
    expect(written?.transaction.payee).toHaveLength(200);
    expect(written?.transaction.notes).toHaveLength(2000);
  });

  it('shows a long file a page at a time, never past its last page', () => {
    const many = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(many, 0, 50)).toMatchObject({ pages: 3, page: 0, lines: many.slice(0, 50) });
    expect(pageOf(many, 7, 50)).toMatchObject({ page: 2, lines: many.slice(100) });
    expect(pageOf([], 0, 50)).toMatchObject({ pages: 1, page: 0, lines: [] });
  });
});

describe('import ids', () => {
  it('name the import and the statement line, and a hand-entered id has no import', () => {
    const id = importIdOf(BATCH, 'fitid:123/4');
    expect(batchOf(id)).toBe(BATCH);
    expect(lineKeyOf(id)).toBe('fitid:123/4');
    expect(batchOf('fitid:123')).toBeNull();
    expect(lineKeyOf('fitid:123')).toBe('fitid:123');
    expect(importIdOf(BATCH, `line:${'z'.repeat(400)}`)).toHaveLength(200);
  });
});
