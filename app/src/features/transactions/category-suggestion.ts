import type { CategoryRule } from '@tally/schema';
import { CategoryModel, type Suggestion, suggestCategory } from '../categorise/index.js';
import type { TransactionDraft } from './transaction-draft.js';

/** Below this the model is guessing: better no suggestion than a wrong one to undo. */
export const MIN_CONFIDENCE = 0.5;

const UNTRAINED = CategoryModel.train([]);

export interface SuggestionInput {
  readonly draft: TransactionDraft;
  /** True when the editor shows an existing transaction: its category was already chosen. */
  readonly editing: boolean;
  /** The draft's amount in signed minor units, or 0 while it is not readable. */
  readonly amount: number;
  readonly rules: readonly CategoryRule[];
  /** Undefined until the model has been trained; rules still apply meanwhile. */
  readonly model: CategoryModel | undefined;
  /** Whether a category can be chosen now (it exists and is not archived). */
  readonly usable: (categoryId: string) => boolean;
}

/**
 * The category to suggest while adding a transaction whose category is still empty: the user's
 * rules first, then what the model learned from their history — only a category they can choose,
 * and a learned one only when the model is fairly sure.
 */
export function suggestionFor(input: SuggestionInput): Suggestion | undefined {
  const { draft } = input;
  if (input.editing || draft.kind === 'transfer' || draft.categoryId !== '' || draft.parts.length > 0) return undefined;
  if (draft.payee.trim() === '' && draft.notes.trim() === '') return undefined;
  const rules = input.rules.filter((rule) => input.usable(rule.categoryId));
  const suggestion = suggestCategory(
    { payee: draft.payee, notes: draft.notes, amount: input.amount },
    rules,
    input.model ?? UNTRAINED,
  );
  if (!suggestion || !input.usable(suggestion.categoryId)) return undefined;
  if (suggestion.source === 'learned' && suggestion.confidence < MIN_CONFIDENCE) return undefined;
  return suggestion;
}
