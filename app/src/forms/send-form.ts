import type { Checked } from './save-form.js';

/** What sending a form to the relay came to: sent, or refused with what is wrong. */
export type Sending<Issues> = { readonly saved: true } | { readonly issues: Issues };

/** Sending a form in its steps: check what was typed, send it, and say a refusal. */
export interface SendSteps<Fields, Issues> {
  readonly check: () => Checked<Fields, Issues>;
  readonly send: (fields: Fields) => Promise<void>;
  /**
   * What the form says when sending failed in a way the person can act on (the relay refused, or
   * cannot be reached); `undefined` for any other error, which is a bug and is thrown.
   */
  readonly refused: (error: unknown) => Issues | undefined;
}

/**
 * `saveForm` for a form whose fields go to the relay rather than into the ledger (log in, reset a
 * password): it checks the form and sends nothing when something is wrong, then sends it and
 * turns a refusal into the form's issues, in the same result shape as every other form.
 */
export async function sendForm<Fields, Issues>(steps: SendSteps<Fields, Issues>): Promise<Sending<Issues>> {
  const checked = steps.check();
  if ('issues' in checked) return checked;
  try {
    await steps.send(checked.fields);
    return { saved: true };
  } catch (error) {
    const issues = steps.refused(error);
    if (issues === undefined) throw error;
    return { issues };
  }
}
