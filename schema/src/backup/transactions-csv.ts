import { money, toDecimalString } from '../money/index.js';
import type { Account, Category, Transaction } from '../records/index.js';
import { csvText } from '../reports/index.js';

/**
 * Transactions as CSV for a spreadsheet or another app: one row each, names instead of ids,
 * amounts as exact decimals in their own currency. A split lists its parts' categories.
 */
export function transactionsToCsv(
  transactions: readonly (Transaction & { readonly id: string })[],
  accounts: readonly (Pick<Account, 'name'> & { readonly id: string })[],
  categories: readonly (Pick<Category, 'name'> & { readonly id: string })[],
): string {
  const accountNames = new Map(accounts.map((account) => [account.id, account.name]));
  const categoryNames = new Map(categories.map((category) => [category.id, category.name]));
  const categoryOf = (transaction: Transaction): string =>
    transaction.splits.length > 0
      ? transaction.splits
          .map(
            (part) =>
              `${categoryNames.get(part.categoryId) ?? ''} ${toDecimalString(money(part.amount, transaction.currency))}`,
          )
          .join('; ')
      : transaction.categoryId === null
        ? ''
        : (categoryNames.get(transaction.categoryId) ?? '');
  const rows = [...transactions]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
    .map((transaction) => [
      transaction.date,
      accountNames.get(transaction.accountId) ?? '',
      transaction.payee,
      categoryOf(transaction),
      toDecimalString(money(transaction.amount, transaction.currency)),
      transaction.currency,
      transaction.notes,
      transaction.tags.join(' '),
      transaction.cleared ? 'yes' : 'no',
    ]);
  return csvText(['date', 'account', 'payee', 'category', 'amount', 'currency', 'notes', 'tags', 'cleared'], rows);
}
