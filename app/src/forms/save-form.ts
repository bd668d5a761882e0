import { type Ledger, LedgerError } from '@tally/schema';
import { type Refusal, refusalOf } from './refusal.js';

/**
 * What saving a form came to: saved (with what the write reported, for a form whose screen says
 * what was written, such as a restore), refused with what is wrong, or its record deleted meanwhile elsewhere.
 */
export type Saving<Issues, Written = void> =
  | { readonly saved: true; readonly written: Written }
  | { readonly issues: Issues }
  | { readonly deleted: true };

/** A form's fields checked: the values to write, or what is wrong with them. */
export type Checked<Fields, Issues> = { readonly fields: Fields } | { readonly issues: Issues };

/** Saving a form in its steps: check what was typed, write it, and say a refusal of the ledger. */
export interface FormSteps<Fields, Issues, Written = void> {
  readonly check: () => Checked<Fields, Issues>;
  /**
   * Writes the checked fields; it runs as one ledger change, so a refusal leaves nothing half
   * written. What it returns comes back as `written` (a restore says what it added and kept);
   * most forms' writes return nothing.
   */
  readonly write: (fields: Fields) => Written;
  /** What the form says when the ledger refuses the write, from the ledger's own code. */
  readonly refused: (refusal: Refusal) => Issues;
}

/**
 * The one way a form saves: it checks the form, then writes it in one ledger change, or writes
 * nothing and returns what is wrong. A refusal by the ledger (`LedgerError`) comes back as the
 * form's issues, worded later in the person's language; any other error is a bug and is thrown.
 */
export function saveForm<Fields, Issues, Written = void>(
  ledger: Ledger,
  steps: FormSteps<Fields, Issues, Written>,
): Saving<Issues, Written> {
  const checked = steps.check();
  if ('issues' in checked) return checked;
  try {
    return { saved: true, written: ledger.transact(() => steps.write(checked.fields)) };
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { issues: steps.refused(refusalOf(error)) };
  }
}
