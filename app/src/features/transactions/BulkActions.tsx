import type { Category, LedgerRecord } from '@tally/schema';
import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useTally } from '../../tally/index.js';
import { formMessages } from '../../ui/index.js';
import { recategorise } from './bulk-edit.js';
import { deleteTransactions } from './deleting.js';
import { transactionsMessages } from './messages.js';

interface BulkActionsProps {
  readonly selected: ReadonlySet<string>;
  readonly onDone: () => void;
  readonly onDeleted: (ids: readonly string[]) => void;
}

/** What can be done to the chosen transactions at once: delete them, or put them in one category. */
export function BulkActions({ selected, onDone, onDeleted }: BulkActionsProps) {
  const tally = useTally();
  const text = useText(transactionsMessages);
  const words = useText(formMessages);
  const categories = useRecords(tally.categories).filter((category) => !category.archived);
  const [categoryId, setCategoryId] = useState('');
  const ids = [...selected];
  const none = ids.length === 0;
  const remove = () => {
    deleteTransactions(tally.ledger, ids);
    onDeleted(ids);
    onDone();
  };
  const move = () => {
    recategorise(tally.ledger, ids, categoryId || null);
    onDone();
  };
  return (
    <div className="bulk-actions" data-testid="bulk-actions">
      <span className="bulk-actions__count" data-testid="bulk-count" role="status">
        {text.count('selected', ids.length)}
      </span>
      <button
        type="button"
        className="button button--danger"
        data-testid="bulk-delete"
        disabled={none}
        onClick={remove}
      >
        {words('delete')}
      </button>
      <select
        data-testid="bulk-category"
        aria-label={text('moveTo')}
        value={categoryId}
        onChange={(event) => setCategoryId(event.target.value)}
      >
        <option value="">{words('noCategory')}</option>
        <CategoryChoices categories={categories} />
      </select>
      <button type="button" className="button" data-testid="bulk-recategorise" disabled={none} onClick={move}>
        {text('recategorise')}
      </button>
    </div>
  );
}

function CategoryChoices({ categories }: { readonly categories: readonly LedgerRecord<Category>[] }) {
  return (
    <>
      {categories.map((category) => (
        <option key={category.id} value={category.id}>
          {category.name}
        </option>
      ))}
    </>
  );
}
