import { addDays } from '@tally/schema';
import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { formMessages, Money } from '../../ui/index.js';
import { recurringMessages } from './messages.js';
import { OccurrenceForm } from './OccurrenceForm.js';
import { formatDueDate } from './schedule-words.js';
import { UPCOMING_DAYS, type UpcomingOccurrence, upcomingList } from './upcoming.js';
import { useTransactionsVersion } from './use-transactions-version.js';

const keyOf = (occurrence: UpcomingOccurrence): string => `${occurrence.recurringId}/${occurrence.dueDate}`;
const editButtonId = (occurrence: UpcomingOccurrence): string =>
  `edit-occurrence-${occurrence.recurringId}-${occurrence.dueDate}`;

/** What falls due in the coming weeks across every item, each with "Skip" and "Edit this one". */
export function UpcomingList({ today }: { readonly today: string }) {
  const text = useText(recurringMessages);
  const words = useText(formMessages);
  const tally = useTally();
  const canEdit = useCanEdit();
  const rules = useRecords(tally.recurring);
  const version = useTransactionsVersion();
  const [editing, setEditing] = useState<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is listed to read the ledger again after any transaction change.
  const occurrences = useMemo(
    () =>
      upcomingList(tally.ledger.upcomingOccurrences(today, addDays(today, UPCOMING_DAYS)), (id) =>
        rules.find((rule) => rule.id === id),
      ),
    // `version` changes with every transaction: a skip or an edit, here or elsewhere, shows at once.
    [tally.ledger, today, rules, version],
  );

  return (
    <section className="recurring__upcoming" aria-labelledby="upcoming-title" data-testid="upcoming">
      <h2 id="upcoming-title">{text('upcomingTitle')}</h2>
      {occurrences.length === 0 ? (
        <p className="empty" data-testid="upcoming-empty">
          {text('upcomingEmpty', { count: UPCOMING_DAYS })}
        </p>
      ) : (
        <>
          <p className="hint">{text('upcomingHint', { count: UPCOMING_DAYS })}</p>
          <ul className="list">
            {occurrences.map((occurrence) => {
              const payee = occurrence.payee || words('noPayee');
              const date = formatDueDate(occurrence.date, text.locale);
              return (
                <li
                  key={keyOf(occurrence)}
                  className="list__row recurring__occurrence"
                  data-testid="upcoming-row"
                  data-recurring-id={occurrence.recurringId}
                  data-due={occurrence.dueDate}
                  data-state={occurrence.state}
                >
                  <div className="list__row--static">
                    <span>
                      <span className="list__title" data-testid="upcoming-payee">
                        {payee}
                      </span>
                      <span className="list__detail">
                        <span data-testid="upcoming-date" data-date={occurrence.date}>
                          {date}
                        </span>
                        {' · '}
                        <span data-testid="upcoming-state">{text(`state.${occurrence.state}`)}</span>
                      </span>
                    </span>
                    {occurrence.state === 'skipped' ? null : (
                      <Money amount={occurrence.amount} currency={occurrence.currency} testId="upcoming-amount" />
                    )}
                  </div>
                  {canEdit && occurrence.state !== 'skipped' && editing !== keyOf(occurrence) && (
                    <div className="recurring__actions">
                      <button
                        type="button"
                        className="button"
                        data-testid="skip-occurrence"
                        aria-label={text('skipLabel', { payee, date })}
                        onClick={() => tally.ledger.skipOccurrence(occurrence.recurringId, occurrence.dueDate)}
                      >
                        {text('skip')}
                      </button>
                      <button
                        type="button"
                        className="button"
                        id={editButtonId(occurrence)}
                        data-testid="edit-occurrence"
                        aria-label={text('editOneLabel', { payee, date })}
                        onClick={() => setEditing(keyOf(occurrence))}
                      >
                        {text('editOne')}
                      </button>
                    </div>
                  )}
                  {editing === keyOf(occurrence) && (
                    <OccurrenceForm
                      occurrence={occurrence}
                      onDone={() => {
                        flushSync(() => setEditing(undefined));
                        document.getElementById(editButtonId(occurrence))?.focus();
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
