import type { CategoryRule } from '@tally/schema';
import { expect, test } from 'vitest';
import type { Example } from '../categorise/index.js';
import { prepareReview } from './prepare-review.js';
import type { StatementLine } from './statement.js';

function statementLine(line: number, payee: string, amount: number, bankId: string | null = null): StatementLine {
  return { line, date: '2026-03-02', amount, payee, memo: '', bankId, category: null, splits: [] };
}

const history: Example[] = Array.from({ length: 30 }, (_, i) => ({
  payee: i % 2 === 0 ? `Corner Bakery ${i}` : `City Transit ${i}`,
  notes: '',
  amount: -350 - i,
  categoryId: i % 2 === 0 ? 'food' : 'transport',
}));
const rules: CategoryRule[] = [{ field: 'payee', contains: 'transit pass', categoryId: 'commute' }];
const kinds = {
  food: 'expense',
  transport: 'expense',
  commute: 'expense',
  interest: 'income',
  fees: 'expense',
} as const;

test('each line gets the category of a matching rule first, and otherwise what the history taught', () => {
  const lines = prepareReview(
    [
      statementLine(2, 'CORNER BAKERY 77', -420),
      statementLine(3, 'City Transit Pass', -9900),
      statementLine(4, 'City Transit 12', -250),
    ],
    [],
    rules,
    history,
    kinds,
  );
  expect(lines.map((line) => line.suggestion)).toEqual([
    { categoryId: 'food', source: 'learned' },
    { categoryId: 'commute', source: 'rule' },
    { categoryId: 'transport', source: 'learned' },
  ]);
});

test('with no history and no rule a line has no category, and a line seen before is flagged', () => {
  const known = [
    { id: 't1', date: '2026-03-02', amount: -420, payee: 'Bakery', importId: 'AAAAAAAAAAAAAAAAAAAAAA/fitid:F1' },
  ];
  const [line] = prepareReview([statementLine(2, 'Bakery', -420, 'F1')], known, [], [], kinds);
  expect(line).toMatchObject({
    suggestion: null,
    key: 'fitid:F1',
    match: { kind: 'same-import', transactionId: 't1' },
  });
});

test('progress is reported as the lines are worked through', () => {
  const phases: string[] = [];
  prepareReview(
    Array.from({ length: 4_500 }, (_, i) => statementLine(i + 2, `Shop ${i}`, -i - 1)),
    [],
    [],
    history,
    kinds,
    (phase, done) => phases.push(`${phase}:${done}`),
  );
  expect(phases).toEqual(['matching:0', 'suggesting:0', 'suggesting:2000', 'suggesting:4000']);
});

test('a line of no amount gets no learned category: the model would read it as money coming in', () => {
  const income: Example[] = Array.from({ length: 10 }, (_, i) => ({
    payee: `Harbour Bank interest ${i}`,
    notes: '',
    amount: 120 + i,
    categoryId: 'interest',
  }));
  const bankRule: CategoryRule = { field: 'payee', contains: 'card fee', categoryId: 'fees' };
  const lines = prepareReview(
    [
      statementLine(2, 'Harbour Bank fee waived', 0),
      statementLine(3, 'Harbour Bank card fee waived', 0),
      statementLine(4, 'Harbour Bank interest', 130),
    ],
    [],
    [bankRule],
    income,
    kinds,
  );
  expect(lines.map((line) => line.suggestion)).toEqual([
    null,
    { categoryId: 'fees', source: 'rule' },
    { categoryId: 'interest', source: 'learned' },
  ]);
});

test('money in is never given an expense category, by the history or by a rule', () => {
  const transit: CategoryRule = { field: 'payee', contains: 'transit', categoryId: 'transport' };
  const lines = prepareReview(
    [statementLine(2, 'City Transit refund', 1200), statementLine(3, 'Corner Bakery 9', 445_718)],
    [],
    [transit],
    history,
    kinds,
  );
  expect(lines.map((line) => line.suggestion)).toEqual([null, null]);
});

test('with a short history, a line whose words the history never saw gets no category', () => {
  const six: Example[] = Array.from({ length: 6 }, (_, i) => ({
    payee: `Metro ticket ${i}`,
    notes: '',
    amount: -250,
    categoryId: 'transport',
  }));
  const lines = prepareReview(
    [
      statementLine(2, 'Metro ticket', -250),
      statementLine(3, 'Sainsburys', -2_345),
      statementLine(4, 'Acme Payroll', 445_718),
    ],
    [],
    [],
    six,
    kinds,
  );
  expect(lines.map((line) => line.categoryId)).toEqual(['transport', null, null]);
});
