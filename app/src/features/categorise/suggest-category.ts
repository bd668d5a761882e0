import type { CategoryRule } from '@tally/schema';
import { foldText } from '../../storage/index.js';
import type { CategoryModel } from './category-model.js';
import type { Describable } from './features.js';

export type Suggestion =
  | { readonly source: 'rule'; readonly categoryId: string; readonly rule: CategoryRule }
  | { readonly source: 'learned'; readonly categoryId: string; readonly confidence: number };

/**
 * A category for a new or imported transaction: the user's rules first — the most specific
 * (longest) matching text wins — and the learned model only where no rule matches.
 */
export function suggestCategory(
  transaction: Describable,
  rules: readonly CategoryRule[],
  model: CategoryModel,
): Suggestion | undefined {
  const matching = rules
    .filter((rule) => foldText(transaction[rule.field]).includes(foldText(rule.contains)))
    .sort((a, b) => b.contains.length - a.contains.length || (a.contains < b.contains ? -1 : 1));
  const [rule] = matching;
  if (rule) return { source: 'rule', categoryId: rule.categoryId, rule };
  const learned = model.suggest(transaction);
  return learned && { source: 'learned', ...learned };
}
