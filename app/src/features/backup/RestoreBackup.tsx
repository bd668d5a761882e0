import type { RestoreMode, RestoreSummary } from '@tally/schema';
import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useSyncState, useTally } from '../../tally/index.js';
import { afterNextPaint, Field, formMessages, wordMessages } from '../../ui/index.js';
import { type BackupReading, readBackupFile } from './backup-contents.js';
import { backupMessages } from './messages.js';
import { restoreBackup } from './restore-backup.js';
import { PROBLEM_MESSAGES } from './restore-messages.js';
import { useLedgerHoldsRecords } from './use-ledger-holds-records.js';

type ChosenBackup = Extract<BackupReading, { ok: true }>;

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'confirm'; readonly backup: ChosenBackup }
  | { readonly kind: 'done'; readonly summary: RestoreSummary }
  | { readonly kind: 'refused'; readonly problem: keyof typeof PROBLEM_MESSAGES };

/** Restores a backup file: read it, show what it holds, let the person choose how, then write it all or nothing. */
export function RestoreBackup() {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const text = useText(backupMessages);
  const fileInput = useRef<HTMLInputElement>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setStep({ kind: 'choose' });
    const reading = readBackupFile(await file.text());
    setStep(reading.ok ? { kind: 'confirm', backup: reading } : { kind: 'refused', problem: reading.problem });
  };
  // Back to the file input, emptied so the same file can be chosen again; the outcome is announced.
  const startOver = (next: Step) => {
    if (fileInput.current) fileInput.current.value = '';
    setStep(next);
    fileInput.current?.focus();
  };

  return (
    <div className="data__part">
      <h3 id="restore-title">{text('restoreTitle')}</h3>
      <p className="hint">{text('restoreIntro')}</p>
      <Field id="restore-file" label={text('restoreFile')}>
        <input
          ref={fileInput}
          id="restore-file"
          data-testid="restore-file"
          type="file"
          accept=".json,application/json"
          aria-describedby={step.kind === 'refused' ? 'restore-error' : undefined}
          onChange={(event) => void choose(event)}
        />
      </Field>
      {step.kind === 'refused' && (
        <p className="form__error" id="restore-error" data-testid="restore-error" role="alert">
          {text(PROBLEM_MESSAGES[step.problem])}
        </p>
      )}
      {step.kind === 'done' && (
        <p className="data__done" data-testid="restore-done" role="status">
          {text('restored', { added: step.summary.added, kept: step.summary.kept })}
        </p>
      )}
      {step.kind === 'confirm' && (
        <RestoreConfirmation
          backup={step.backup}
          onCancel={() => startOver({ kind: 'choose' })}
          onRestored={(summary) => startOver({ kind: 'done', summary })}
          onRefused={(problem) => startOver({ kind: 'refused', problem })}
        />
      )}
    </div>
  );
}

interface RestoreConfirmationProps {
  readonly backup: ChosenBackup;
  readonly onCancel: () => void;
  readonly onRestored: (summary: RestoreSummary) => void;
  readonly onRefused: (problem: keyof typeof PROBLEM_MESSAGES) => void;
}

/** What the chosen file holds and the two ways to restore it; nothing is written before the person confirms. */
function RestoreConfirmation({ backup, onCancel, onRestored, onRefused }: RestoreConfirmationProps) {
  const { ledger } = useTally();
  const { account } = useSyncState();
  const holdsRecords = useLedgerHoldsRecords();
  const text = useText(backupMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const [chosen, setChosen] = useState<RestoreMode>(holdsRecords ? 'merge' : 'into-empty');
  const mode: RestoreMode = holdsRecords ? 'merge' : chosen;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const [busy, setBusy] = useState(false);

  const restore = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // "Restoring…" shows before a large backup keeps the page busy for seconds.
    void afterNextPaint().then(() => {
      const outcome = restoreBackup(ledger, backup.data, mode);
      if ('saved' in outcome) onRestored(outcome.written);
      else if ('issues' in outcome) onRefused(outcome.issues);
    });
  };

  return (
    <form
      className="form data__confirm"
      data-testid="restore-confirm"
      onSubmit={restore}
      onKeyDown={(event) => event.key === 'Escape' && !busy && onCancel()}
    >
      <h4 ref={heading} tabIndex={-1}>
        {text('confirmTitle')}
      </h4>
      <ul className="data__counts" data-testid="restore-counts">
        {backup.counts
          .filter(({ count }) => count > 0)
          .map(({ collection, count }) => (
            <li key={collection} data-testid={`restore-count-${collection}`}>
              {collection === 'accounts' || collection === 'transactions'
                ? shared.count(collection, count)
                : text.count(`count.${collection}`, count)}
            </li>
          ))}
        {backup.homeCurrency !== null && <li>{text('homeCurrency', { currency: backup.homeCurrency })}</li>}
      </ul>
      <fieldset className="data__modes">
        <legend>{text('modeLegend')}</legend>
        <div className="data__mode">
          <label className="choice">
            <input
              type="radio"
              name="restore-mode"
              value="into-empty"
              data-testid="restore-into-empty"
              checked={mode === 'into-empty'}
              disabled={holdsRecords}
              aria-describedby="restore-into-empty-hint"
              onChange={() => setChosen('into-empty')}
            />
            {text('intoEmpty')}
          </label>
          <p className="hint" id="restore-into-empty-hint" data-testid="restore-into-empty-hint">
            {holdsRecords
              ? `${text('intoEmptyBlocked')} ${text(account ? 'intoEmptyHowLoggedIn' : 'intoEmptyHowLocal')}`
              : text('intoEmptyHint')}
          </p>
        </div>
        <div className="data__mode">
          <label className="choice">
            <input
              type="radio"
              name="restore-mode"
              value="merge"
              data-testid="restore-merge"
              checked={mode === 'merge'}
              aria-describedby="restore-merge-hint"
              onChange={() => setChosen('merge')}
            />
            {text('merge')}
          </label>
          <p className="hint" id="restore-merge-hint">
            {text('mergeHint')}
          </p>
        </div>
      </fieldset>
      <div className="form__actions">
        <span className="form__spacer" role="status">
          {busy && text('restoring')}
        </span>
        <button type="button" className="button" data-testid="restore-cancel" disabled={busy} onClick={onCancel}>
          {words('cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="restore-confirm-button" disabled={busy}>
          {shared('restore')}
        </button>
      </div>
    </form>
  );
}
