import type { Account, LedgerRecord } from '@tally/schema';
import { useLocale, useText } from '../../i18n/index.js';
import { formatDay } from '../../ui/locale.js';
import { importMessages } from './messages.js';
import type { RecentImport } from './recent-imports.js';

interface RecentImportsListProps {
  readonly recent: readonly RecentImport[];
  readonly accounts: readonly LedgerRecord<Account>[];
  readonly onUndo: (entry: RecentImport) => void;
}

function dayOf(time: number): string {
  const date = new Date(time);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The imports made on this device, newest first, each one undoable as a whole. */
export function RecentImportsList({ recent, accounts, onUndo }: RecentImportsListProps) {
  const text = useText(importMessages);
  const locale = useLocale();
  const names = new Map(accounts.map((account) => [account.id, account.name]));
  return (
    <section className="card" aria-labelledby="import-recent-title" data-testid="recent-imports">
      <h2 id="import-recent-title">{text('recent.title')}</h2>
      {recent.length === 0 ? (
        <p className="empty">{text('recent.empty')}</p>
      ) : (
        <ul className="list">
          {recent.map((entry) => (
            <li key={entry.batch} className="list__row list__row--static import__recent" data-testid="recent-import" data-batch={entry.batch} data-undone={entry.undone}>
              <span>
                <span className="list__title">{entry.fileName}</span>
                <span className="list__detail">
                  {text.count('recent.entry', entry.count, { account: names.get(entry.accountId) ?? '', date: formatDay(dayOf(entry.at), locale) })}
                </span>
              </span>
              {entry.undone ? (
                <span className="tag">{text('recent.undone')}</span>
              ) : (
                <button type="button" className="button" data-testid="recent-undo" aria-label={text('recent.undo', { file: entry.fileName })} onClick={() => onUndo(entry)}>
                  {text('done.undo')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
