import { formatMoney, money } from '@tally/schema';
import { useLocale, useText } from '../../i18n/index.js';
import { importMessages } from './messages.js';
import type { RecentImport } from './recent-imports.js';
import { StepHeading } from './StepHeading.js';

interface DoneStepProps {
  readonly entry: RecentImport;
  readonly accountName: string;
  readonly currency: string;
  /** How many transactions undo removed, once it has run. */
  readonly undone: number | null;
  /** False once the import has been undone, here or from the list of recent imports. */
  readonly canUndo: boolean;
  readonly onUndo: () => void;
  readonly onAnother: () => void;
}

export function DoneStep({ entry, accountName, currency, undone, canUndo, onUndo, onAnother }: DoneStepProps) {
  const text = useText(importMessages);
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="import-done-title" data-testid="import-done" data-count={entry.count} data-sum={entry.sum}>
      <StepHeading id="import-done-title">{text('done.title')}</StepHeading>
      <p role="status" data-testid="import-added">
        {text.count('done.added', entry.count, { account: accountName, sum: formatMoney(money(entry.sum, currency), locale) })}
      </p>
      {undone !== null && (
        <p role="status" data-testid="import-undone">
          {text.count('done.undone', undone)}
        </p>
      )}
      <div className="form__actions">
        {canUndo && (
          <button type="button" className="button button--danger" data-testid="undo-import" onClick={onUndo}>
            {text('done.undo')}
          </button>
        )}
        <button type="button" className="button button--primary" data-testid="import-another" onClick={onAnother}>
          {text('done.another')}
        </button>
      </div>
    </section>
  );
}
