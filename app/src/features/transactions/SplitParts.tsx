import { type ReactNode, useEffect, useRef } from 'react';
import { useText } from '../../i18n/index.js';
import { describedBy, Field, formMessages } from '../../ui/index.js';
import type { DraftIssues } from './draft-issues.js';
import { transactionEditorMessages } from './editor-messages.js';
import { EMPTY_PART, type SplitBalance, type SplitPartDraft } from './split-draft.js';

interface SplitPartsProps {
  readonly parts: readonly SplitPartDraft[];
  readonly issues: DraftIssues;
  /** Undefined while the transaction's own amount is not readable. */
  readonly balance: SplitBalance | undefined;
  readonly show: (minorUnits: number) => string;
  readonly say: (issue: DraftIssues[keyof DraftIssues]) => string | undefined;
  readonly categoryOptions: ReactNode;
  readonly onChange: (parts: readonly SplitPartDraft[]) => void;
  readonly onUnsplit: () => void;
}

/** The parts of a split transaction, each a category and an amount, with what is left to assign. */
export function SplitParts({
  parts,
  issues,
  balance,
  show,
  say,
  categoryOptions,
  onChange,
  onUnsplit,
}: SplitPartsProps) {
  const text = useText(transactionEditorMessages);
  const words = useText(formMessages);
  const setPart = (index: number, patch: Partial<SplitPartDraft>) =>
    onChange(parts.map((part, at) => (at === index ? { ...part, ...patch } : part)));
  const splitError = say(issues.splits);
  // A removed part's button goes with it: focus moves to the part now in its place, or the one before.
  const focusPart = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusPart.current === undefined) return;
    document.getElementById(`part-${focusPart.current}-category`)?.focus();
    focusPart.current = undefined;
  });
  const removePart = (index: number) => {
    focusPart.current = Math.min(index, parts.length - 2);
    onChange(parts.filter((_, at) => at !== index));
  };
  return (
    <fieldset className="split" data-testid="split-parts" aria-describedby={splitError ? 'split-error' : undefined}>
      <legend>{text('parts')}</legend>
      <ol className="split__parts">
        {parts.map((part, index) => {
          const number = index + 1;
          const categoryId = `part-${index}-category`;
          const amountId = `part-${index}-amount`;
          const categoryIssue = say(issues[`part.${index}.categoryId`]);
          const amountIssue = say(issues[`part.${index}.amount`]);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a split part has no id; its place is its identity, and every input in it is controlled.
            <li key={index} className="split__part" data-testid="split-part">
              <Field id={categoryId} label={text('partCategory', { number })} error={categoryIssue}>
                <select
                  id={categoryId}
                  data-testid={categoryId}
                  value={part.categoryId}
                  onChange={(event) => setPart(index, { categoryId: event.target.value })}
                  {...describedBy(categoryId, categoryIssue)}
                >
                  <option value="">{words('chooseCategory')}</option>
                  {categoryOptions}
                </select>
              </Field>
              <Field id={amountId} label={text('partAmount', { number })} error={amountIssue}>
                <input
                  id={amountId}
                  data-testid={amountId}
                  inputMode="decimal"
                  autoComplete="off"
                  value={part.amount}
                  onChange={(event) => setPart(index, { amount: event.target.value })}
                  {...describedBy(amountId, amountIssue)}
                />
              </Field>
              {parts.length > 2 && (
                <button
                  type="button"
                  className="button split__remove"
                  data-testid={`part-${index}-remove`}
                  onClick={() => removePart(index)}
                >
                  {text('removePart', { number })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <p className="split__balance" aria-live="polite" data-testid="split-left">
        {balance &&
          (balance.left === 0
            ? text('allAssigned')
            : balance.left > 0
              ? text('leftToAssign', { amount: show(balance.left) })
              : text('overAssigned', { amount: show(-balance.left) }))}
      </p>
      {splitError && (
        <p className="field__error" id="split-error" role="alert" data-testid="split-error">
          {splitError}
        </p>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button"
          data-testid="add-part"
          onClick={() => onChange([...parts, EMPTY_PART])}
        >
          {text('addPart')}
        </button>
        <button type="button" className="button" data-testid="unsplit" onClick={onUnsplit}>
          {text('unsplit')}
        </button>
      </div>
    </fieldset>
  );
}
