import type { TransactionRow } from '../../storage/index.js';
import type { Example } from './category-model.js';

/** Reads a labelled history (`date,payee,amount_minor,category`), as the bench and tests use it. */
export function readHistory(csv: string): (Example & { readonly date: string })[] {
  return csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((row) => {
      const fields = row.split(',');
      const category = fields.pop() ?? '';
      const amount = Number(fields.pop());
      const [date = '', ...payee] = fields;
      return { date, payee: payee.join(','), notes: '', amount, categoryId: category };
    });
}

/** Splits a history by time: learn from the older part, measure on the newer, as a person's history grows. */
export function splitByDate<T extends { readonly date: string }>(
  rows: readonly T[],
  heldBack: number,
): { older: T[]; newer: T[] } {
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const cut = Math.round(sorted.length * (1 - heldBack));
  return { older: sorted.slice(0, cut), newer: sorted.slice(cut) };
}

/**
 * How many of the newest categorised transactions the model learns from. Habits change, the
 * categorise bench is right 99 % of the time from 1,500 examples, and 5,000 train in a few tens of
 * milliseconds where a whole 100,000-transaction history would hold the page for most of a second.
 */
export const TRAINING_LIMIT = 5_000;

/**
 * What the model learns from, wherever it is trained (the transaction editor, an import): the newest
 * categorised transactions that are not transfer legs — a transfer's category says nothing about a
 * merchant. `rows` are newest first, as the transaction index keeps them.
 */
export function examplesOf(rows: readonly TransactionRow[], limit = TRAINING_LIMIT): Example[] {
  const examples: Example[] = [];
  for (const row of rows) {
    if (examples.length >= limit) break;
    if (row.categoryId === null || row.transferId !== null) continue;
    examples.push({ payee: row.payee, notes: row.notes, amount: row.amount, categoryId: row.categoryId });
  }
  return examples;
}
