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
