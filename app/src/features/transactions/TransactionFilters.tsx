import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useTally } from '../../tally/index.js';
import { formMessages, wordMessages } from '../../ui/index.js';
import { transactionsMessages } from './messages.js';
import type { TransactionFilter } from './transaction-filter.js';

interface TransactionFiltersProps {
  readonly filter: TransactionFilter;
  readonly onChange: (filter: TransactionFilter) => void;
}

export function TransactionFilters({ filter, onChange }: TransactionFiltersProps) {
  const tally = useTally();
  const text = useText(transactionsMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const accounts = useRecords(tally.accounts);
  const categories = useRecords(tally.categories);
  const set = (field: keyof TransactionFilter) => (event: { target: { value: string } }) =>
    onChange({ ...filter, [field]: event.target.value });
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element has no search role in browsers older than 2023.
    <div className="filters" role="search">
      <label className="filters__field filters__text">
        <span>{text('search')}</span>
        <input type="search" data-testid="filter-text" value={filter.text} onChange={set('text')} />
      </label>
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
  );
}
