import { formatMoney, money } from '@tally/schema';
import { useRef } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { importMessages } from './messages.js';
import type { RecentImport } from './recent-imports.js';
import { StepHeading } from './StepHeading.js';
import { UndoStatus } from './UndoStatus.js';
import { useUndo } from './use-undo.js';

interface DoneStepProps {
  readonly entry: RecentImport;
  readonly accountName: string;
  readonly currency: string;
  /** False once the import has been undone, here or from the list of recent imports. */
  readonly canUndo: boolean;
  readonly onUndo: (entry: RecentImport) => Promise<number>;
  readonly onAnother: () => void;
}

export function DoneStep({ entry, accountName, currency, canUndo, onUndo, onAnother }: DoneStepProps) {
  const text = useText(importMessages);
  const locale = useLocale();
  const another = useRef<HTMLButtonElement>(null);
  const undo = useUndo(onUndo, another);
  return (
    <section
      className="card"
      aria-labelledby="import-done-title"
      data-testid="import-done"
      data-count={entry.count}
      data-sum={entry.sum}
    >
      <StepHeading id="import-done-title">{text('done.title')}</StepHeading>
      <p role="status" data-testid="import-added">
        {text.count('done.added', entry.count, {
          account: accountName,
          sum: formatMoney(money(entry.sum, currency), locale),
        })}
      </p>
      <UndoStatus outcome={undo.outcome} testId="import-undone" />
      <div className="form__actions">
        {canUndo && (
          <button
            type="button"
            className="button button--danger"
            data-testid="undo-import"
            aria-disabled={undo.running !== null}
            onClick={() => undo.run(entry)}
          >
            {text('done.undo')}
          </button>
        )}
        <button
          ref={another}
          type="button"
          className="button button--primary"
          data-testid="import-another"
          onClick={onAnother}
        >
          {text('done.another')}
        </button>
      </div>
    </section>
  );
}
