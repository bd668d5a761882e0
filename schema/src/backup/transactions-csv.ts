import { money, toDecimalString } from '../money/index.js';
import { isExactShares, type Transaction } from '../records/index.js';
import { csvText } from '../reports/index.js';

/** A record the CSV names instead of giving its id. */
type Named = { readonly id: string; readonly name: string };

/**
 * Transactions as CSV for a spreadsheet or another app: one row each, names instead of ids,
 * amounts as exact decimals in their own currency. A split lists its parts' categories; a
 * shared transaction (SHR1) names who paid and each person's share — exact amounts, or by
 * weight as a fraction of the whole ("Sam 1/3").
 */
export function transactionsToCsv(
  transactions: readonly (Transaction & { readonly id: string })[],
  accounts: readonly Named[],
  categories: readonly Named[],
  people: readonly Named[] = [],
): string {
  const accountNames = new Map(accounts.map((account) => [account.id, account.name]));
  const categoryNames = new Map(categories.map((category) => [category.id, category.name]));
  const personNames = new Map(people.map((person) => [person.id, person.name]));
  const sharesOf = ({ shares, currency }: Transaction): string => {
    if (isExactShares(shares))
      return shares
        .map((share) => `${personNames.get(share.personId) ?? ''} ${toDecimalString(money(share.amount, currency))}`)
        .join('; ');
    const whole = shares.reduce((sum, share) => sum + share.weight, 0);
    return shares.map((share) => `${personNames.get(share.personId) ?? ''} ${share.weight}/${whole}`).join('; ');
  };
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
      transaction.paidBy === null ? '' : (personNames.get(transaction.paidBy) ?? ''),
      sharesOf(transaction),
    ]);
  return csvText(
    ['date', 'account', 'payee', 'category', 'amount', 'currency', 'notes', 'tags', 'cleared', 'paid_by', 'shares'],
    rows,
  );
}
