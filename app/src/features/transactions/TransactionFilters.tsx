import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useTally } from '../../tally/index.js';
import { formMessages, wordMessages } from '../../ui/index.js';
import { transactionsMessages } from './messages.js';
import { activeFilters, type TransactionFilter } from './transaction-filter.js';

interface TransactionFiltersProps {
  readonly filter: TransactionFilter;
  readonly onChange: (filter: TransactionFilter) => void;
}

/** The search field, and behind a button that counts them, the account, category and date filters. */
export function TransactionFilters({ filter, onChange }: TransactionFiltersProps) {
  const tally = useTally();
  const text = useText(transactionsMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const accounts = useRecords(tally.accounts);
  const categories = useRecords(tally.categories);
  const [open, setOpen] = useState(false);
  const active = activeFilters(filter);
  const set = (field: keyof TransactionFilter) => (event: { target: { value: string } }) =>
    onChange({ ...filter, [field]: event.target.value });
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element has no search role in browsers older than 2023.
    <div className="filters" role="search">
      <div className="filters__bar">
        <input
          type="search"
          id="filter-text"
          className="filters__search"
          data-testid="filter-text"
          aria-label={text('search')}
          placeholder={text('search')}
          value={filter.text}
          onChange={set('text')}
        />
        <button
          type="button"
          className="button filters__toggle"
          data-testid="filter-toggle"
          data-active={active}
          aria-expanded={open}
          aria-controls="filters-panel"
          onClick={() => setOpen(!open)}
        >
          {text('filters')}
          {active > 0 && (
            <span className="filters__count" aria-hidden="true">
              {active}
            </span>
          )}
          <span className="visually-hidden">{text.count('filtersActive', active)}</span>
        </button>
      </div>
      <div className="filters__panel" id="filters-panel" hidden={!open}>
        <label className="filters__field">
          <span>{words('account')}</span>
          <select data-testid="filter-account" value={filter.accountId} onChange={set('accountId')}>
            <option value="">{text('allAccounts')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span>{words('category')}</span>
          <select data-testid="filter-category" value={filter.categoryId} onChange={set('categoryId')}>
            <option value="">{text('allCategories')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span>{shared('dateFrom')}</span>
          <input type="date" data-testid="filter-from" value={filter.from} onChange={set('from')} />
        </label>
        <label className="filters__field">
          <span>{shared('dateTo')}</span>
          <input type="date" data-testid="filter-to" value={filter.to} onChange={set('to')} />
        </label>
      </div>
    </div>
  );
}
