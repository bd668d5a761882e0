/**
 * Report computation on a ledger of 100,000 transactions (issue budget: ≤ 200 ms per report),
 * with 5 % split transactions and a third of the spending in a foreign currency, so every
 * conversion path runs. The balances of a shared ledger run over the same 100,000 transactions,
 * each shared by two to four people (equally, by weight or by exact amounts), beside the reports.
 * Each report is timed as the median of several runs.
 */
import { performance } from 'node:perf_hooks';
import {
  budgetMonth,
  categoryTrend,
  currencyCode,
  type DatedRate,
  goalProgress,
  householdBalances,
  incomeVersusExpense,
  money,
  netWorthOverTime,
  RateTable,
  type ReportInput,
  type ReportTransaction,
  type SettlementEntry,
  type SharedTransaction,
  spendingByCategory,
  whoOwesWhom,
} from '../src/index.js';
import { SeededRandom } from '../src/testing/index.js';

const COUNT = 100_000;
const BUDGET_MS = 200;
const RUNS = 7;
const EUR = currencyCode('EUR');
const USD = currencyCode('USD');

const random = new SeededRandom(2026);
const categories = Array.from({ length: 12 }, (_, i) => ({
  id: `category${String(i).padStart(14, '0')}`,
  name: `Category ${i}`,
  kind: i === 0 ? ('income' as const) : ('expense' as const),
  group: `Group ${i % 4}`,
  archived: false,
}));
const accounts = [
  { id: 'checking', name: 'Checking', currency: EUR, openingBalance: 500_000 },
  { id: 'card', name: 'Card', currency: EUR, openingBalance: 0 },
  { id: 'travel', name: 'Travel', currency: USD, openingBalance: 0 },
];
const rates: DatedRate[] = [];
for (let month = 1; month <= 24; month += 1) {
  const year = 2025 + Math.floor((month - 1) / 12);
  rates.push({
    date: `${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`,
    from: USD,
    to: EUR,
    rate: `0.9${random.int(0, 9)}`,
  });
}
const transactions: ReportTransaction[] = Array.from({ length: COUNT }, (_, i) => {
  const account = random.pick(accounts);
  const amount = -random.int(100, 50_000);
  const date = `${random.int(2025, 2026)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const split = random.chance(0.05);
  const first = random.pick(categories).id;
  return {
    id: `tx${i}`,
    date,
    amount,
    currency: account.currency,
    accountId: account.id,
    categoryId: split ? null : first,
    splits: split
      ? [
          { categoryId: first, amount: amount + 50, memo: '' },
          { categoryId: random.pick(categories).id, amount: -50, memo: '' },
        ]
      : [],
    transferId: null,
  };
});
const table = new RateTable(rates);
const input: ReportInput = {
  currency: EUR,
  rates: table,
  accounts,
  categories,
  transactions,
  from: '2025-01-01',
  to: '2026-12-31',
};
const budgets = categories.slice(1).flatMap((category) =>
  Array.from({ length: 24 }, (_, m) => ({
    month: `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
    categoryId: category.id,
    amount: 100_000,
    currency: EUR,
    rollover: true,
  })),
);

const people = Array.from({ length: 4 }, (_, i) => `person${String(i).padStart(16, '0')}`);
const sharedTransactions: SharedTransaction[] = transactions.map((transaction) => {
  const sharing = people.slice(0, random.int(2, 4));
  const how = random.int(0, 9);
  const shares =
    how < 6
      ? sharing.map((personId) => ({ personId, weight: 1 }))
      : how < 8
        ? sharing.map((personId) => ({ personId, weight: random.int(1, 3) }))
        : [
            { personId: people[0] ?? '', amount: transaction.amount + 50 },
            { personId: people[1] ?? '', amount: -50 },
          ];
  return { ...transaction, paidBy: random.pick(people), shares };
});
const settlements: SettlementEntry[] = Array.from({ length: 1_000 }, (_, i) => ({
  id: `settlement${i}`,
  fromPersonId: people[i % 4] ?? '',
  toPersonId: people[(i + 1) % 4] ?? '',
  amount: random.int(100, 100_000),
  currency: i % 3 === 0 ? USD : EUR,
  date: `2026-${String(random.int(1, 12)).padStart(2, '0')}-15`,
}));
// Sixteen people owing and owed, none of whom square in a smaller group: the exact search's worst case.
const sixteen = new Map(
  Array.from({ length: 16 }, (_, i) => [`p${i}`, money(i < 15 ? 1_000 + i * 7 : -(15 * 1_000 + 7 * 105), EUR)]),
);

function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

const reports: [string, () => unknown][] = [
  ['spending by category, 2 years', () => spendingByCategory(input)],
  ['income vs expense per month', () => incomeVersusExpense(input)],
  ['net worth per month end', () => netWorthOverTime(input)],
  ['category trend', () => categoryTrend(input, categories[3]?.id ?? '')],
  [
    'household balances (shared, settled)',
    () => householdBalances({ currency: EUR, rates: table, transactions: sharedTransactions, settlements }),
  ],
  ['who owes whom among 16 people', () => whoOwesWhom(sixteen)],
  [
    'budget month with 2 years of roll-over',
    () => budgetMonth({ month: '2026-12', currency: EUR, categories, budgets, transactions, rates: table }),
  ],
  [
    'goal progress over 3 accounts',
    () =>
      goalProgress({
        goal: {
          name: 'Trip',
          targetAmount: 1_000_000,
          currency: EUR,
          startDate: '2025-01-01',
          targetDate: '2027-06-30',
          accountIds: [],
          countWholeBalance: true,
        },
        today: '2026-12-31',
        accountBalances: [],
        accountBalancesAtStart: [],
        contributions: transactions
          .slice(0, 1_000)
          .map((t) => ({ date: t.date, amount: -t.amount, currency: t.currency })),
        rates: table,
      }),
  ],
];

console.log(
  `\nschema: reports over ${COUNT.toLocaleString('en')} transactions (median of ${RUNS} runs; budget ${BUDGET_MS} ms each)\n`,
);
console.log(`| ${'report'.padEnd(40)} | ${'ms'.padStart(8)} | ${'of budget'.padStart(9)} |`);
console.log(`|${'-'.repeat(42)}|${'-'.repeat(10)}|${'-'.repeat(11)}|`);
for (const [name, run] of reports) {
  const ms = median(run);
  console.log(
    `| ${name.padEnd(40)} | ${ms.toFixed(1).padStart(8)} | ${`${((ms / BUDGET_MS) * 100).toFixed(0)} %`.padStart(9)} |`,
  );
}
