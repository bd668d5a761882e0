import type { TransactionRow } from '../../storage/index.js';

/** What a payee usually comes with, learned from the ledger's transactions. */
export interface PayeeHabit {
  /** The payee as last written. */
  readonly payee: string;
  /** Which way money went with this payee last time. */
  readonly kind: 'expense' | 'income';
  /** The category used most often with this payee (the latest on a tie); empty when none was. */
  readonly categoryId: string;
  /** The account used last with this payee. */
  readonly accountId: string;
  readonly count: number;
}

interface Tally {
  payee: string;
  kind: 'expense' | 'income';
  accountId: string;
  count: number;
  categories: Map<string, number>;
}

/**
 * Every payee in the ledger with its usual category and account, the most used first. Transfers
 * are left out: their payee is a note, not someone paid. `rows` are newest first, so the first
 * row seen of a payee is its latest.
 */
export function payeeHabits(rows: readonly TransactionRow[]): PayeeHabit[] {
  const byPayee = new Map<string, Tally>();
  for (const row of rows) {
    const payee = row.payee.trim();
    if (row.transferId !== null || payee === '') continue;
    const key = payee.toLocaleLowerCase();
    let tally = byPayee.get(key);
    if (tally === undefined) {
      tally = {
        payee,
        kind: row.amount > 0 ? 'income' : 'expense',
        accountId: row.accountId,
        count: 0,
        categories: new Map(),
      };
      byPayee.set(key, tally);
    }
    tally.count++;
    if (row.categoryId !== null) tally.categories.set(row.categoryId, (tally.categories.get(row.categoryId) ?? 0) + 1);
  }
  return [...byPayee.values()]
    .map(({ categories, ...habit }) => ({ ...habit, categoryId: usual(categories) }))
    .sort((a, b) => b.count - a.count);
}

/** The most frequent key; the first inserted (the latest used) wins a tie. */
function usual(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [key, count] of counts) {
    if (count > most) {
      best = key;
      most = count;
    }
  }
  return best;
}

/**
 * The payees to offer for what is typed so far: of the form's kind, whose name has a word starting
 * with the text (all of them when nothing is typed), the most used first — none once the text
 * is exactly a payee's name, which is then chosen.
 */
export function payeeSuggestions(
  habits: readonly PayeeHabit[],
  typed: string,
  kind: 'expense' | 'income',
  limit: number,
): PayeeHabit[] {
  const text = typed.trim().toLocaleLowerCase();
  if (habits.some((habit) => habit.payee.toLocaleLowerCase() === text)) return [];
  const found: PayeeHabit[] = [];
  for (const habit of habits) {
    if (found.length === limit) break;
    if (habit.kind !== kind) continue;
    const name = habit.payee.toLocaleLowerCase();
    if (text === '' || name.startsWith(text) || name.includes(` ${text}`)) found.push(habit);
  }
  return found;
}
