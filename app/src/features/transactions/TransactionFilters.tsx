import { useTally } from '../../app/tally-context.js';
import { useRecords } from '../../ledger/index.js';
import type { TransactionFilter } from './transaction-filter.js';

interface TransactionFiltersProps {
  readonly filter: TransactionFilter;
  readonly onChange: (filter: TransactionFilter) => void;
}

export function TransactionFilters({ filter, onChange }: TransactionFiltersProps) {
  const tally = useTally();
  const accounts = useRecords(tally.accounts);
  const categories = useRecords(tally.categories);
  const set = (field: keyof TransactionFilter) => (event: { target: { value: string } }) =>
    onChange({ ...filter, [field]: event.target.value });
  return (
    <div className="filters" role="search">
      <input
        className="filters__text"
        type="search"
        placeholder="Search payee or notes"
        aria-label="Search payee or notes"
        data-testid="filter-text"
        value={filter.text}
        onChange={set('text')}
      />
      <select aria-label="Account" data-testid="filter-account" value={filter.accountId} onChange={set('accountId')}>
        <option value="">All accounts</option>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name}
          </option>
        ))}
      </select>
      <select aria-label="Category" data-testid="filter-category" value={filter.categoryId} onChange={set('categoryId')}>
        <option value="">All categories</option>
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </select>
      <label className="filters__date">
        From <input type="date" data-testid="filter-from" value={filter.from} onChange={set('from')} />
      </label>
      <label className="filters__date">
        To <input type="date" data-testid="filter-to" value={filter.to} onChange={set('to')} />
      </label>
    </div>
  );
}
