import type { ExchangeRateRecord, LedgerRecord } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import { useCanEdit } from '../../tally/index.js';
import { formatDay, formMessages } from '../../ui/index.js';
import { currencyMessages } from './messages.js';
import { useRateText } from './use-rate-text.js';

interface RateListProps {
  readonly rates: readonly LedgerRecord<ExchangeRateRecord>[];
  readonly onEdit: (id: string) => void;
  readonly onDelete: (id: string) => void;
}

/** The rates entered, newest day first, as a table of days and rates. */
export function RateList({ rates, onEdit, onDelete }: RateListProps) {
  const text = useText(currencyMessages);
  const words = useText(formMessages);
  const rateText = useRateText();
  const canEdit = useCanEdit();
  if (rates.length === 0) return <p className="empty">{text('rates.empty')}</p>;
  const newestFirst = [...rates].sort((a, b) =>
    a.date === b.date ? rateText(a).localeCompare(rateText(b)) : a.date < b.date ? 1 : -1,
  );

  return (
    <table className="rate-table" data-testid="rate-table">
      <caption className="visually-hidden">{text('rates.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{text('rates.date')}</th>
          <th scope="col">{text('form.rate')}</th>
          {canEdit && (
            <th scope="col">
              <span className="visually-hidden">{text('rates.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((rate) => {
          const day = formatDay(rate.date, text.locale);
          const written = rateText(rate);
          return (
            <tr key={rate.id} data-testid="rate-row" data-id={rate.id}>
              <th scope="row" data-testid="rate-day">
                {day}
              </th>
              <td className="rate-table__rate" data-testid="rate-text">
                {written}
              </td>
              {canEdit && (
                <td>
                  <div className="rate-table__actions">
                    <button
                      type="button"
                      className="button"
                      data-testid="edit-rate"
                      aria-label={text('rates.editLabel', { rate: written, date: day })}
                      onClick={() => onEdit(rate.id)}
                    >
                      {words('edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      data-testid="delete-rate"
                      aria-label={text('rates.deleteLabel', { rate: written, date: day })}
                      onClick={() => onDelete(rate.id)}
                    >
                      {words('delete')}
                    </button>
                  </div>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
