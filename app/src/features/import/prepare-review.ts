import type { CategoryKind, CategoryRule } from '@tally/schema';
import { CategoryModel, type Example, suggestCategory } from '../categorise/index.js';
import { importKeys, type KnownTransaction, matchDuplicates } from './duplicates.js';
import type { ReviewLine } from './review.js';
import type { StatementLine } from './statement.js';

export type ReviewPhase = 'matching' | 'suggesting';

/** Lines between two progress reports: often enough to move the bar, rarely enough to cost nothing. */
const REPORT_EVERY = 2_000;

/** How sure the model must be before a learned category is offered; below it the line stays uncategorised. */
export const CONFIDENT = 0.9;

/** Whether a category's kind fits the way a line moves money: money in is income, money out expense. */
function kindFits(kind: CategoryKind | undefined, amount: number): boolean {
  if (kind === undefined) return false;
  return amount > 0 ? kind === 'income' : amount < 0 ? kind === 'expense' : true;
}

/**
 * What the review step shows for each statement line: whether it duplicates a transaction of the
 * account, and a category — the user's rules first, then what the model learned from their history.
 * A category is offered only when its kind fits the line (money in never gets an expense category),
 * and a learned one only when the model is confident and has seen a word of the line with that
 * category — so a short history makes few suggestions, not many wrong ones.
 */
export function prepareReview(
  lines: readonly StatementLine[],
  known: readonly KnownTransaction[],
  rules: readonly CategoryRule[],
  history: readonly Example[],
  kinds: Readonly<Record<string, CategoryKind>>,
  onProgress: (phase: ReviewPhase, done: number, total: number) => void = () => undefined,
): ReviewLine[] {
  onProgress('matching', 0, lines.length);
  const matches = matchDuplicates(lines, known);
  const keys = importKeys(lines);
  onProgress('suggesting', 0, lines.length);
  const model = CategoryModel.train(history);
  // The model weighs whether money came in or went out, and a zero amount did neither: a waived fee
  // would read as income. Such a line gets a category from the user's rules, or none.
  const untrained = CategoryModel.train([]);
  return lines.map((line, i) => {
    if (i % REPORT_EVERY === 0 && i > 0) onProgress('suggesting', i, lines.length);
    const described = { payee: line.payee, notes: line.memo, amount: line.amount };
    const found = suggestCategory(described, rules, line.amount === 0 ? untrained : model);
    const suggestion =
      found &&
      kindFits(kinds[found.categoryId], line.amount) &&
      (found.source === 'rule' || (found.confidence >= CONFIDENT && model.knowsWordsOf(described, found.categoryId)))
        ? found
        : undefined;
    return {
      line: line.line,
      date: line.date,
      amount: line.amount,
      payee: line.payee,
      memo: line.memo,
      key: keys[i] ?? '',
      match: matches[i] ?? { kind: 'new' },
      suggestion: suggestion ? { categoryId: suggestion.categoryId, source: suggestion.source } : null,
      categoryId: suggestion?.categoryId ?? null,
    };
  });
}
