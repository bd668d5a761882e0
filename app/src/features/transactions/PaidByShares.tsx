import { type LedgerRecord, type Person, sharesAddUp, type Transaction } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import { describedBy, Field } from '../../ui/index.js';
import type { DraftIssues } from './draft-issues.js';
import { SHARING_MODES, type ShareDraft, type SharesBalance, type SharingDraft } from './sharing-draft.js';
import { sharingMessages } from './sharing-messages.js';

interface PaidBySharesProps {
  /** The people to choose from: live ones not archived, and any the transaction names already (PPL1). */
  readonly people: readonly LedgerRecord<Person>[];
  readonly paidBy: string;
  readonly sharing: SharingDraft;
  readonly income: boolean;
  readonly issues: DraftIssues;
  /** What exact amounts add up to so far, once the amount is readable. */
  readonly balance: SharesBalance | undefined;
  /** The transaction as stored, to say when concurrent edits left its exact shares unbalanced (SHR3). */
  readonly stored: Transaction | undefined;
  readonly show: (minorUnits: number) => string;
  readonly say: (issue: DraftIssues[keyof DraftIssues]) => string | undefined;
  readonly onChange: (patch: { readonly paidBy?: string; readonly sharing?: SharingDraft }) => void;
}

/**
 * Who paid a transaction of a shared ledger and how it is shared among its people (SPEC SHR1):
 * equally, by whole-number shares, or by exact amounts that add up to the whole, like split parts.
 * Choosing a payer first shares it equally among everyone; leaving no one in it unshares it.
 */
export function PaidByShares({
  people,
  paidBy,
  sharing,
  income,
  issues,
  balance,
  stored,
  show,
  say,
  onChange,
}: PaidBySharesProps) {
  const text = useText(sharingMessages);
  const entryOf = (personId: string): ShareDraft =>
    sharing.entries.find((entry) => entry.personId === personId) ?? { personId, included: false, value: '' };
  const setEntry = (personId: string, patch: Partial<ShareDraft>) => {
    const others = sharing.entries.filter((entry) => entry.personId !== personId);
    const entries = people.flatMap((person) =>
      person.id === personId
        ? [{ ...entryOf(personId), ...patch }]
        : others.filter((entry) => entry.personId === person.id),
    );
    onChange({ sharing: { ...sharing, entries } });
  };
  const choosePayer = (personId: string) => {
    const nobodyShares = sharing.entries.every((entry) => !entry.included);
    if (personId !== '' && nobodyShares) {
      const entries = people.map((person) => ({ personId: person.id, included: true, value: '1' }));
      onChange({ paidBy: personId, sharing: { mode: 'equal', entries } });
    } else onChange({ paidBy: personId });
  };
  const sharesError = say(issues.shares);
  const left = balance && balance.total - balance.assigned;
  const storedUnbalanced = stored ? !sharesAddUp(stored) : false;

  return (
    <fieldset className="split sharing" data-testid="sharing">
      <legend>{text('sharing')}</legend>
      <Field id="paid-by" label={income ? text('receivedBy') : text('paidBy')} error={say(issues.paidBy)}>
        <select
          id="paid-by"
          data-testid="paid-by"
          value={paidBy}
          onChange={(event) => choosePayer(event.target.value)}
          {...describedBy('paid-by', issues.paidBy)}
        >
          <option value="">{text('nobody')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </Field>
      {sharing.entries.some((entry) => entry.included) || paidBy !== '' ? (
        <>
          <Field id="share-mode" label={text('mode')}>
            <select
              id="share-mode"
              data-testid="share-mode"
              value={sharing.mode}
              onChange={(event) => {
                const mode = SHARING_MODES.find((known) => known === event.target.value);
                if (mode)
                  onChange({
                    sharing: {
                      mode,
                      entries: sharing.entries.map((entry) => ({ ...entry, value: mode === 'weights' ? '1' : '' })),
                    },
                  });
              }}
            >
              {SHARING_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {text(`mode.${mode}`)}
                </option>
              ))}
            </select>
          </Field>
          <ul className="split__parts" aria-describedby={sharesError ? 'shares-error' : undefined}>
            {people.map((person, index) => {
              const entry = entryOf(person.id);
              return (
                <li key={person.id} className="split__part" data-testid="share-row" data-person-id={person.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      data-testid={`share-${index}-include`}
                      checked={entry.included}
                      onChange={(event) =>
                        setEntry(person.id, {
                          included: event.target.checked,
                          value: entry.value || (sharing.mode === 'weights' ? '1' : ''),
                        })
                      }
                    />
                    {text('includes', { name: person.name })}
                  </label>
                  {entry.included && sharing.mode !== 'equal' && (
                    <input
                      data-testid={`share-${index}-value`}
                      aria-label={text(sharing.mode === 'weights' ? 'weightOf' : 'amountOf', { name: person.name })}
                      inputMode={sharing.mode === 'weights' ? 'numeric' : 'decimal'}
                      autoComplete="off"
                      value={entry.value}
                      onChange={(event) => setEntry(person.id, { value: event.target.value })}
                    />
                  )}
                </li>
              );
            })}
          </ul>
          {sharing.mode === 'exact' && left !== undefined && (
            <p className="split__balance" aria-live="polite" data-testid="shares-left">
              {left === 0
                ? text('sharesAll')
                : left > 0
                  ? text('sharesLeft', { amount: show(left) })
                  : text('sharesOver', { amount: show(-left) })}
            </p>
          )}
          {sharesError && (
            <p className="field__error" id="shares-error" role="alert" data-testid="shares-error">
              {sharesError}
            </p>
          )}
        </>
      ) : null}
      {storedUnbalanced && stored && (
        <p className="form__notice" data-testid="shares-mismatch">
          {text('storedUnbalanced', {
            assigned: show(
              Math.abs(stored.shares.reduce((sum, share) => sum + ('amount' in share ? share.amount : 0), 0)),
            ),
            total: show(Math.abs(stored.amount)),
          })}
        </p>
      )}
    </fieldset>
  );
}
