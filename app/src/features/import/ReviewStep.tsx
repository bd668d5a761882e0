import { type Category, formatMoney, type LedgerRecord, money } from '@tally/schema';
import { useState } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { formatDay, formMessages, wordMessages } from '../../ui/index.js';
import { importMessages } from './messages.js';
import {
  directionOf,
  pageOf,
  type ReviewLine,
  type Selection,
  setDuplicates,
  summarise,
  toggleLine,
} from './review.js';
import { StepHeading } from './StepHeading.js';

const PAGE_SIZE = 50;

interface ReviewStepProps {
  readonly lines: readonly ReviewLine[];
  readonly selection: Selection;
  readonly currency: string;
  readonly categories: readonly LedgerRecord<Category>[];
  readonly onSelect: (selection: Selection) => void;
  /** Changes one line's category, or clears it with null. */
  readonly onCategory: (index: number, categoryId: string | null) => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Every line of the file with its category and whether it is already in the ledger; nothing is written until confirmed. */
export function ReviewStep({
  lines,
  selection,
  currency,
  categories,
  onSelect,
  onCategory,
  onConfirm,
  onCancel,
}: ReviewStepProps) {
  const text = useText(importMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const locale = useLocale();
  const [page, setPage] = useState(0);
  const summary = summarise(lines, selection);
  const shown = pageOf(
    lines.map((line, index) => ({ line, index })),
    page,
    PAGE_SIZE,
  );
  const live = categories.filter((category) => !category.deleted && !category.archived);
  /** The categories a line may take: of its own kind (money in: income; money out: expense), and the one it has. */
  const choicesFor = (line: ReviewLine) =>
    live.filter(
      (category) =>
        category.id === line.categoryId ||
        line.amount === 0 ||
        category.kind === (line.amount > 0 ? 'income' : 'expense'),
    );
  const sum = formatMoney(money(summary.sum, currency), locale);

  /** Says where the category came from while it is still the suggestion; the person's own choice needs no note. */
  const sourceOf = (line: ReviewLine): string | null => {
    if (!line.suggestion || line.categoryId !== line.suggestion.categoryId) return null;
    return text(line.suggestion.source === 'rule' ? 'review.fromRule' : 'review.learned');
  };

  return (
    <section className="card" aria-labelledby="import-review-title" data-testid="import-review">
      <StepHeading id="import-review-title">{text('review.title')}</StepHeading>
      <p
        role="status"
        data-testid="review-summary"
        data-included={summary.included}
        data-sum={summary.sum}
        data-duplicates={summary.duplicates}
      >
        {text.count('review.selected', summary.included, { total: summary.lines, sum })}
      </p>
      {summary.noAmount > 0 && (
        <p className="hint" data-testid="review-no-amount">
          {text.count('review.noAmount', summary.noAmount)}
        </p>
      )}
      {summary.duplicates > 0 && (
        <div className="import__duplicates">
          <p className="hint">{text.count('review.duplicates', summary.duplicates)}</p>
          <button
            type="button"
            className="button"
            data-testid="review-toggle-duplicates"
            onClick={() => onSelect(setDuplicates(lines, selection, summary.duplicatesIncluded < summary.duplicates))}
          >
            {text(
              summary.duplicatesIncluded < summary.duplicates ? 'review.includeDuplicates' : 'review.excludeDuplicates',
            )}
          </button>
        </div>
      )}
      <div className="import__table-wrap">
        <table className="import__table" data-testid="review-table">
          <caption className="visually-hidden">{text('review.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{text('column.include')}</th>
              <th scope="col">{words('date')}</th>
              <th scope="col">{words('payee')}</th>
              <th scope="col" className="import__number">
                {words('amount')}
              </th>
              <th scope="col">{words('category')}</th>
              <th scope="col">{text('column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.lines.map(({ line, index }) => (
              <tr
                key={index}
                data-testid="review-row"
                data-line={line.line}
                data-match={line.match.kind}
                className={selection[index] ? undefined : 'import__row--left-out'}
              >
                <td>
                  <input
                    type="checkbox"
                    data-testid="review-include"
                    checked={selection[index] === true}
                    aria-label={text('review.includeLine', { line: line.line, payee: line.payee })}
                    onChange={() => onSelect(toggleLine(selection, index))}
                  />
                </td>
                <td>{formatDay(line.date, locale)}</td>
                <th scope="row" className="import__payee">
                  {line.payee}
                </th>
                <td className="import__number" data-testid="review-amount" data-direction={directionOf(line.amount)}>
                  <span className={`money money--${directionOf(line.amount)}`}>
                    {formatMoney(money(line.amount, currency), locale)}
                  </span>
                  {line.amount === 0 && <span className="tag import__no-amount">{text('review.noAmountTag')}</span>}
                </td>
                <td data-testid="review-category" data-category={line.categoryId ?? ''}>
                  <select
                    className="import__category"
                    data-testid="review-category-choice"
                    aria-label={text('review.categoryOf', { line: line.line, payee: line.payee })}
                    value={line.categoryId ?? ''}
                    onChange={(event) => onCategory(index, event.target.value === '' ? null : event.target.value)}
                  >
                    <option value="">{shared('uncategorised')}</option>
                    {choicesFor(line).map((category) => (
                      <option key={category.id} value={category.id}>
                        {category.name}
                      </option>
                    ))}
                  </select>
                  {sourceOf(line) && <span className="hint import__source">{sourceOf(line)}</span>}
                </td>
                <td>
                  <span className={line.match.kind === 'new' ? 'tag' : 'tag import__duplicate'}>
                    {text(`status.${line.match.kind}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.pages > 1 && (
        <nav className="import__pager" aria-label={text('review.pages')}>
          <button
            type="button"
            className="button"
            data-testid="review-previous"
            disabled={shown.page === 0}
            onClick={() => setPage(shown.page - 1)}
          >
            {text('review.previous')}
          </button>
          <span data-testid="review-page">{text('review.page', { page: shown.page + 1, pages: shown.pages })}</span>
          <button
            type="button"
            className="button"
            data-testid="review-next"
            disabled={shown.page >= shown.pages - 1}
            onClick={() => setPage(shown.page + 1)}
          >
            {text('review.next')}
          </button>
        </nav>
      )}
      {summary.included === 0 && <p className="hint">{text('review.nothing')}</p>}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button" data-testid="review-cancel" onClick={onCancel}>
          {words('cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="review-confirm"
          disabled={summary.included === 0}
          onClick={onConfirm}
        >
          {text.count('review.confirm', summary.included)}
        </button>
      </div>
    </section>
  );
}
