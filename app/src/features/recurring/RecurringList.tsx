import { type LedgerRecord, occurrenceId, type RecurringTransaction } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import type { StalledItem } from '../../tally/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { formMessages, Money, RowButton } from '../../ui/index.js';
import { type Editing, editButtonId } from './editing.js';
import { recurringMessages } from './messages.js';
import { RecurringForm } from './RecurringForm.js';
import { describeSchedule, formatDueDate } from './schedule-words.js';
import { nextDueDate } from './upcoming.js';
import { useTransactionsVersion } from './use-transactions-version.js';

interface RecurringListProps {
  readonly rules: readonly LedgerRecord<RecurringTransaction>[];
  readonly stalled: readonly StalledItem[];
  readonly today: string;
  readonly editing: Editing;
  readonly onEdit: (id: string) => void;
  readonly onDone: () => void;
}

/** Every recurring item: who, how much, its schedule in words and when it is next due. */
export function RecurringList({ rules, stalled, today, editing, onEdit, onDone }: RecurringListProps) {
  const text = useText(recurringMessages);
  const words = useText(formMessages);
  const { ledger } = useTally();
  const canEdit = useCanEdit();
  useTransactionsVersion();
  const isSkipped = (rule: LedgerRecord<RecurringTransaction>) => (date: string) =>
    ledger.transactions.get(occurrenceId(rule.id, date))?.deleted === true;

  return (
    <>
      <h2 className="recurring__heading">{text('itemsTitle')}</h2>
      <ul className="list">
        {rules.map((rule) => {
          if (editing.kind === 'edit' && editing.id === rule.id) {
            return (
              <li key={rule.id}>
                <RecurringForm rule={rule} today={today} onDone={onDone} />
              </li>
            );
          }
          const next = nextDueDate(rule, today, isSkipped(rule));
          const isStalled = stalled.some((item) => item.recurringId === rule.id);
          return (
            <li key={rule.id} className="list__row" data-testid="recurring-row" data-id={rule.id}>
              <RowButton
                opens={canEdit}
                id={editButtonId(rule.id)}
                className="list__button"
                data-testid="edit-recurring"
                onClick={() => onEdit(rule.id)}
              >
                <span>
                  <span className="list__title" data-testid="recurring-payee">
                    {rule.payee || words('noPayee')}
                  </span>
                  <span className="list__detail" data-testid="recurring-schedule">
                    {describeSchedule(rule, text)}
                  </span>
                  <span className="list__detail" data-testid="recurring-next" data-date={next ?? ''}>
                    {rule.paused
                      ? text('paused')
                      : next
                        ? text('next', { date: formatDueDate(next, text.locale) })
                        : text('ended')}
                  </span>
                  {isStalled && (
                    <span className="tag recurring__stalled-tag" data-testid="recurring-stalled-tag">
                      {text('stalled.tag')}
                    </span>
                  )}
                </span>
                <Money amount={rule.amount} currency={rule.currency} testId="recurring-amount" />
              </RowButton>
            </li>
          );
        })}
      </ul>
    </>
  );
}
