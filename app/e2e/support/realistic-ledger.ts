import { addMonths, exportLedger, openLedger } from '@tally/schema';
import * as Y from 'yjs';
import { chooseBackupFile, confirmRestore } from './data-steps.js';
import type { TallyDevice } from './tally-device.js';

export interface RealisticLedger {
  /** The backup file's text, for Settings' restore. */
  readonly backup: string;
  /** How many transactions it holds, transfers' legs included. */
  readonly transactions: number;
}

const EXPENSES = [
  { name: 'Groceries', group: 'Food', payees: ['Market', 'Corner Shop', 'Bio Laden'], cents: 4_250 },
  { name: 'Eating out', group: 'Food', payees: ['Corner Café', 'Pizzeria Napoli'], cents: 1_890 },
  { name: 'Rent', group: 'Home', payees: ['Landlord'], cents: 0 },
  { name: 'Utilities and household energy', group: 'Home', payees: ['City Power & Water'], cents: 8_430 },
  { name: 'Transport', group: 'Getting around', payees: ['Metro', 'Fuel Station'], cents: 2_760 },
  { name: 'Children’s school and activities', group: 'Family', payees: ['School Office'], cents: 6_500 },
  { name: 'Health', group: '', payees: ['Pharmacy'], cents: 1_525 },
] as const;

/**
 * A ledger as someone half a year into Tally has it: four accounts, a few hundred transactions,
 * monthly transfers, a salary, budgets (some rolling over), goals and recurring payments — all
 * relative to `today`, so the month on screen is a busy one. The same every run: no randomness.
 */
export function realisticLedger(today: string): RealisticLedger {
  const ledger = openLedger(new Y.Doc());
  ledger.setHomeCurrency('USD');
  const account = (name: string, type: 'checking' | 'savings' | 'credit' | 'cash', openingBalance: number) =>
    ledger.accounts.create({ name, type, currency: 'USD', openingBalance }).id;
  const checking = account('Checking', 'checking', 250_000);
  const savings = account('Savings', 'savings', 530_000);
  const card = account('Credit card', 'credit', 0);
  const cash = account('Cash', 'cash', 12_000);
  const salary = ledger.categories.create({ name: 'Salary', group: 'Income', kind: 'income' }).id;
  const otherIncome = ledger.categories.create({ name: 'Other income', group: 'Income', kind: 'income' }).id;
  const expenses = EXPENSES.map((expense) => ({
    ...expense,
    id: ledger.categories.create({ name: expense.name, group: expense.group, kind: 'expense' }).id,
  }));

  const thisMonth = `${today.slice(0, 7)}-01`;
  const lastDay = Number(today.slice(8, 10));
  const spendingAccounts = [checking, card, card, cash];
  for (let back = 5; back >= 0; back -= 1) {
    const month = addMonths(thisMonth, -back).slice(0, 7);
    const days = back === 0 ? lastDay : 28;
    const day = (n: number) => `${month}-${String(Math.min(days, Math.max(1, n))).padStart(2, '0')}`;
    ledger.transactions.create({
      date: day(1),
      amount: 420_000,
      currency: 'USD',
      accountId: checking,
      categoryId: salary,
      payee: 'Acme Payroll',
    });
    if (back % 2 === 0)
      ledger.transactions.create({
        date: day(15),
        amount: 12_500,
        currency: 'USD',
        accountId: checking,
        categoryId: otherIncome,
        payee: 'Marketplace sale',
      });
    ledger.createTransfer({ date: day(2), fromAccountId: checking, toAccountId: savings, amount: 50_000 });
    const rent = expenses.find((expense) => expense.name === 'Rent');
    if (rent)
      ledger.transactions.create({
        date: day(1),
        amount: -145_000,
        currency: 'USD',
        accountId: checking,
        categoryId: rent.id,
        payee: 'Landlord',
      });
    for (let n = 0; n < 44; n += 1) {
      const expense = expenses[(n * 5 + back) % expenses.length];
      if (!expense || expense.cents === 0) continue;
      ledger.transactions.create({
        date: day(1 + ((n * 7) % days)),
        amount: -(expense.cents + ((n * 137 + back * 59) % 900)),
        currency: 'USD',
        accountId: spendingAccounts[n % spendingAccounts.length] ?? checking,
        categoryId: expense.id,
        payee: expense.payees[n % expense.payees.length] ?? expense.name,
      });
    }
    for (const [index, expense] of expenses.entries()) {
      if (index === expenses.length - 1) continue;
      ledger.setBudget({
        month,
        categoryId: expense.id,
        amount: expense.name === 'Rent' ? 145_000 : expense.cents * 6,
        currency: 'USD',
        rollover: index % 2 === 0,
      });
    }
  }

  const rent = expenses.find((expense) => expense.name === 'Rent');
  ledger.recurring.create({
    payee: 'Landlord',
    amount: -145_000,
    currency: 'USD',
    accountId: checking,
    categoryId: rent?.id ?? null,
    frequency: 'monthly',
    dayOfMonth: 1,
    startDate: addMonths(thisMonth, 1),
  });
  ledger.recurring.create({
    payee: 'Streaming service',
    amount: -1_299,
    currency: 'USD',
    accountId: card,
    frequency: 'monthly',
    dayOfMonth: 20,
    startDate: addMonths(thisMonth, 1),
  });
  ledger.goals.create({
    name: 'Summer holiday',
    targetAmount: 400_000,
    currency: 'USD',
    startDate: addMonths(thisMonth, -5),
    targetDate: addMonths(thisMonth, 6),
    accountIds: [savings],
  });
  const fund = ledger.goals.create({
    name: 'Emergency fund',
    targetAmount: 1_000_000,
    currency: 'USD',
    startDate: addMonths(thisMonth, -5),
    targetDate: null,
  });
  ledger.contributions.create({ goalId: fund.id, date: thisMonth, amount: 75_000, currency: 'USD' });

  return {
    backup: JSON.stringify(exportLedger(ledger)),
    transactions: ledger.transactions.list().length,
  };
}

/** Restores the realistic ledger, as of today (UTC, the browser's zone in tests), into a device with an empty ledger. */
export async function restoreRealisticLedger(device: TallyDevice): Promise<RealisticLedger> {
  const ledger = realisticLedger(new Date().toISOString().slice(0, 10));
  await chooseBackupFile(device, 'tally-backup.json', ledger.backup);
  await confirmRestore(device, 'into-empty');
  return ledger;
}
