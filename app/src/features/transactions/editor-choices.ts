/**
 * The accounts or categories the editor offers: those not archived, and any archived one the
 * transaction being edited uses, so opening it neither hides nor silently changes its choice.
 */
export function choicesFor<Choice extends { readonly id: string; readonly archived: boolean }>(
  records: readonly Choice[],
  inUse: readonly string[],
): Choice[] {
  return records.filter((record) => !record.archived || inUse.includes(record.id));
}

/**
 * The categories of the form's kind: an expense offers expense categories, income income ones,
 * and any category the transaction being edited already uses stays offered.
 */
export function categoriesOfKind<Choice extends { readonly id: string; readonly kind: string }>(
  categories: readonly Choice[],
  kind: string,
  inUse: readonly string[],
): Choice[] {
  return categories.filter((category) => category.kind === kind || inUse.includes(category.id));
}
