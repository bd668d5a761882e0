import type { CategoryRule, RuleField } from '@tally/schema';
import { foldText } from '../../storage/index.js';

/** The text a rule looks in: a transaction's payee and notes. */
export type RuleTarget = Readonly<Record<RuleField, string>>;

/** A transaction's text with case and accents already set aside, folded once for every rule. */
export interface FoldedTarget {
  readonly folded: RuleTarget;
}

export function foldTargets(targets: readonly RuleTarget[]): FoldedTarget[] {
  return targets.map((target) => ({ folded: { payee: foldText(target.payee), notes: foldText(target.notes) } }));
}

export function ruleMatches(rule: Pick<CategoryRule, 'field' | 'contains'>, target: RuleTarget): boolean {
  return countMatches(rule, foldTargets([target])) === 1;
}

/** How many of the transactions a rule matches; a rule with no text matches none. */
export function countMatches(rule: Pick<CategoryRule, 'field' | 'contains'>, targets: readonly FoldedTarget[]): number {
  const wanted = foldText(rule.contains.trim());
  if (wanted === '') return 0;
  let count = 0;
  for (const { folded } of targets) if (folded[rule.field].includes(wanted)) count += 1;
  return count;
}

/** How many of the transactions each rule matches, by rule id. */
export function matchCounts(
  rules: readonly (Pick<CategoryRule, 'field' | 'contains'> & { readonly id: string })[],
  targets: readonly FoldedTarget[],
): ReadonlyMap<string, number> {
  return new Map(rules.map((rule) => [rule.id, countMatches(rule, targets)]));
}
