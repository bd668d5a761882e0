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
export function splitByDate<T extends { readonly date: string }>(rows: readonly T[], heldBack: number): { older: T[]; newer: T[] } {
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const cut = Math.round(sorted.length * (1 - heldBack));
  return { older: sorted.slice(0, cut), newer: sorted.slice(cut) };
}
