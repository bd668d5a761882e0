import type { Account, LedgerRecord } from '@tally/schema';
import { useLocale, useText } from '../../i18n/index.js';
import { formatDay } from '../../ui/locale.js';
import { importMessages } from './messages.js';
import type { RecentImport } from './recent-imports.js';
import { UndoStatus } from './UndoStatus.js';
import { useUndo } from './use-undo.js';

interface RecentImportsListProps {
  readonly recent: readonly RecentImport[];
  readonly accounts: readonly LedgerRecord<Account>[];
  readonly onUndo: (entry: RecentImport) => Promise<number>;
}

function dayOf(time: number): string {
  const date = new Date(time);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The imports made on this device, newest first, each one undoable as a whole — one cut short
 * too. A row's button stays once its import is undone (saying so, and doing nothing), so focus
 * is not lost to the page; what undo removed is announced under the heading.
 */
export function RecentImportsList({ recent, accounts, onUndo }: RecentImportsListProps) {
  const text = useText(importMessages);
  const locale = useLocale();
  const names = new Map(accounts.map((account) => [account.id, account.name]));
  const undo = useUndo(onUndo);
  return (
    <section className="card" aria-labelledby="import-recent-title" data-testid="recent-imports">
      <h2 id="import-recent-title">{text('recent.title')}</h2>
      <UndoStatus outcome={undo.outcome} testId="recent-undone" />
      {recent.length === 0 ? (
        <p className="empty">{text('recent.empty')}</p>
      ) : (
        <ul className="list">
          {recent.map((entry) => (
            <li
              key={entry.batch}
              className="list__row list__row--static import__recent"
              data-testid="recent-import"
              data-batch={entry.batch}
              data-complete={entry.complete}
              data-undone={entry.undone}
            >
              <span>
                <span className="list__title">{entry.fileName}</span>
                <span className="list__detail">
                  {text.count(entry.complete ? 'recent.entry' : 'recent.partial', entry.count, {
                    total: entry.total,
                    account: names.get(entry.accountId) ?? '',
                    date: formatDay(dayOf(entry.at), locale),
                  })}
                </span>
              </span>
              <button
                type="button"
                className="button"
                data-testid="recent-undo"
                aria-disabled={entry.undone || undo.running === entry.batch}
                aria-label={text(entry.undone ? 'recent.undoneLabel' : 'recent.undo', { file: entry.fileName })}
                onClick={() => {
                  if (!entry.undone) undo.run(entry);
                }}
              >
                {text(entry.undone ? 'recent.undone' : 'done.undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
