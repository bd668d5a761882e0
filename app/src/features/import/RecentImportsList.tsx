import type { Account, LedgerRecord } from '@tally/schema';
import { useLocale, useText } from '../../i18n/index.js';
import { formatDay } from '../../ui/index.js';
import { importMessages } from './messages.js';
import { type RecentImport, recentImportState } from './recent-imports.js';
import { UndoStatus } from './UndoStatus.js';
import { useUndo } from './use-undo.js';

interface RecentImportsListProps {
  readonly recent: readonly RecentImport[];
  /** Imports this page is still writing: shown as importing, not yet undoable. */
  readonly beingWritten: ReadonlySet<string>;
  readonly accounts: readonly LedgerRecord<Account>[];
  readonly onUndo: (entry: RecentImport) => Promise<number>;
}

const BUTTONS = { undoable: 'done.undo', writing: 'recent.importing', undone: 'recent.undone' } as const;
const LABELS = { undoable: 'recent.undo', writing: 'recent.importingLabel', undone: 'recent.undoneLabel' } as const;

function dayOf(time: number): string {
  const date = new Date(time);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The imports made on this device, newest first, each one undoable as a whole — one cut short
 * too, but not one this page is still writing (it says so instead). A row's button stays once its import is undone (saying so, and doing nothing), so focus
 * is not lost to the page; what undo removed is announced under the heading.
 */
export function RecentImportsList({ recent, beingWritten, accounts, onUndo }: RecentImportsListProps) {
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
          {recent.map((entry) => {
            const state = recentImportState(entry, beingWritten);
            const values = {
              total: entry.total,
              account: names.get(entry.accountId) ?? '',
              date: formatDay(dayOf(entry.at), locale),
            };
            return (
              <li
                key={entry.batch}
                className="list__row list__row--static import__recent"
                data-testid="recent-import"
                data-batch={entry.batch}
                data-complete={entry.complete}
                data-undone={entry.undone}
                data-state={state}
              >
                <span>
                  <span className="list__title">{entry.fileName}</span>
                  <span className="list__detail">
                    {state === 'writing'
                      ? text.count('recent.writing', entry.total, values)
                      : text.count(entry.complete ? 'recent.entry' : 'recent.partial', entry.count, values)}
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  data-testid="recent-undo"
                  aria-disabled={state !== 'undoable' || undo.running === entry.batch}
                  aria-label={text(LABELS[state], { file: entry.fileName })}
                  onClick={() => {
                    if (state === 'undoable') undo.run(entry);
                  }}
                >
                  {text(BUTTONS[state])}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
