import type { CategoryRule } from '@tally/schema';
import { CategoryModel, type Example, suggestCategory } from '../categorise/index.js';
import { importKeys, type KnownTransaction, matchDuplicates } from './duplicates.js';
import type { ReviewLine } from './review.js';
import type { StatementLine } from './statement.js';

export type ReviewPhase = 'matching' | 'suggesting';

/** Lines between two progress reports: often enough to move the bar, rarely enough to cost nothing. */
const REPORT_EVERY = 2_000;

/**
 * What the review step shows for each statement line: whether it duplicates a transaction of the
 * account, and a category — the user's rules first, then what the model learned from their history.
 */
export function prepareReview(
  lines: readonly StatementLine[],
  known: readonly KnownTransaction[],
  rules: readonly CategoryRule[],
  history: readonly Example[],
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
    const suggestion = suggestCategory(
      { payee: line.payee, notes: line.memo, amount: line.amount },
      rules,
      line.amount === 0 ? untrained : model,
    );
    return {
      line: line.line,
      date: line.date,
      amount: line.amount,
      payee: line.payee,
      memo: line.memo,
      key: keys[i] ?? '',
      match: matches[i] ?? { kind: 'new' },
      suggestion: suggestion ? { categoryId: suggestion.categoryId, source: suggestion.source } : null,
    };
  });
}
