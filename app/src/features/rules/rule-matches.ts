import type { CategoryRule, RuleField } from '@tally/schema';

/** The text a rule looks in: a transaction's payee and notes. */
export type RuleTarget = Readonly<Record<RuleField, string>>;

/** Case and accents set aside, as the ledger says a rule matches ("cafe" finds "Café"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function ruleMatches(rule: Pick<CategoryRule, 'field' | 'contains'>, target: RuleTarget): boolean {
  const wanted = foldText(rule.contains.trim());
  return wanted !== '' && foldText(target[rule.field]).includes(wanted);
}

/** How many of the transactions each rule matches, folding each transaction's text once. */
export function matchCounts(rules: readonly (Pick<CategoryRule, 'field' | 'contains'> & { readonly id: string })[], targets: readonly RuleTarget[]): ReadonlyMap<string, number> {
  const folded = targets.map((target): RuleTarget => ({ payee: foldText(target.payee), notes: foldText(target.notes) }));
  return new Map(
    rules.map((rule) => {
      const wanted = foldText(rule.contains.trim());
      return [rule.id, wanted === '' ? 0 : folded.filter((target) => target[rule.field].includes(wanted)).length];
    }),
  );
}
