import { type CategoryRule, RULE_FIELDS, type RuleField } from '@tally/schema';
import type { Refusal } from '../../forms/index.js';
import { foldText } from '../../storage/index.js';

/** What the rule form holds while the person types. */
export interface RuleDraft {
  readonly field: string;
  readonly contains: string;
  readonly categoryId: string;
}

/** The longest text a rule may look for (the ledger's limit). */
export const MAX_RULE_TEXT = 100;

export type ContainsIssue = 'empty' | 'too-long' | 'duplicate';

export interface RuleIssues {
  readonly contains?: ContainsIssue;
  readonly categoryId?: 'missing';
  /** The ledger refused to write the rule. */
  readonly form?: Refusal;
}

function containsIssue(
  field: RuleField,
  contains: string,
  others: readonly Pick<CategoryRule, 'field' | 'contains'>[],
): ContainsIssue | undefined {
  if (contains === '') return 'empty';
  if (contains.length > MAX_RULE_TEXT) return 'too-long';
  if (others.some((rule) => rule.field === field && foldText(rule.contains.trim()) === foldText(contains)))
    return 'duplicate';
  return undefined;
}

export type RuleFormResult =
  | { readonly ok: true; readonly rule: CategoryRule }
  | { readonly ok: false; readonly issues: RuleIssues };

function isRuleField(value: string): value is RuleField {
  return RULE_FIELDS.some((field) => field === value);
}

/**
 * Turns the form into a rule, or says what to fix: text to look for, a category that exists, and
 * no second rule looking for the same text in the same field (`others`: the rules already saved).
 */
export function parseRuleForm(
  draft: RuleDraft,
  categoryIds: ReadonlySet<string>,
  others: readonly Pick<CategoryRule, 'field' | 'contains'>[],
): RuleFormResult {
  const field = isRuleField(draft.field) ? draft.field : 'payee';
  const contains = draft.contains.trim();
  const issue = containsIssue(field, contains, others);
  const categoryMissing = !categoryIds.has(draft.categoryId);
  if (issue || categoryMissing)
    return {
      ok: false,
      issues: { ...(issue && { contains: issue }), ...(categoryMissing && { categoryId: 'missing' }) },
    };
  return { ok: true, rule: { field, contains, categoryId: draft.categoryId } };
}
