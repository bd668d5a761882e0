import type { Checked } from './save-form.js';

/**
 * What sending a form to the relay came to: sent (with what the relay answered, for a form whose
 * screen shows it, such as an invitation's code), or refused with what is wrong.
 */
export type Sending<Issues, Sent = void> = { readonly saved: true; readonly sent: Sent } | { readonly issues: Issues };

/** Sending a form in its steps: check what was typed, send it, and say a refusal. */
export interface SendSteps<Fields, Issues, Sent = void> {
  readonly check: () => Checked<Fields, Issues>;
  /** Sends the checked fields; what it resolves to comes back as `sent` (most forms' sends return nothing). */
  readonly send: (fields: Fields) => Promise<Sent>;
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
export async function sendForm<Fields, Issues, Sent = void>(
  steps: SendSteps<Fields, Issues, Sent>,
): Promise<Sending<Issues, Sent>> {
  const checked = steps.check();
  if ('issues' in checked) return checked;
  try {
    return { saved: true, sent: await steps.send(checked.fields) };
  } catch (error) {
    const issues = steps.refused(error);
    if (issues === undefined) throw error;
    return { issues };
  }
}
