import type { Category, LedgerRecord } from '@tally/schema';
import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { closeAndFocus, formMessages, RowButton, routeMessages, wordMessages } from '../../ui/index.js';
import { RulesSection } from '../rules/index.js';
import { CategoryForm } from './CategoryForm.js';
import { categoryMessages } from './messages.js';

type Editing = { readonly kind: 'none' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string };

/** Categories by group, expense and income side by side in one list. */
export function CategoriesScreen() {
  const text = useText(categoryMessages);
  const words = useText(formMessages);
  const routes = useText(routeMessages);
  const shared = useText(wordMessages);
  const tally = useTally();
  const canEdit = useCanEdit();
  const categories = useRecords(tally.categories);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const done = () =>
    closeAndFocus(
      () => setEditing({ kind: 'none' }),
      editing.kind === 'edit' ? `edit-category-${editing.id}` : 'add-category',
      'add-category',
    );
  const groups = new Map<string, LedgerRecord<Category>[]>();
  for (const category of categories) {
    const group = groups.get(category.group) ?? [];
    group.push(category);
    groups.set(category.group, group);
  }

  return (
    <section className="screen" aria-labelledby="categories-title">
      <div className="screen__head">
        <h1 id="categories-title">{routes('categories')}</h1>
        {canEdit && (
          <button
            type="button"
            className="button button--primary"
            id="add-category"
            data-testid="add-category"
            onClick={() => setEditing({ kind: 'new' })}
          >
            {text('newCategory')}
          </button>
        )}
      </div>
      {editing.kind === 'new' && <CategoryForm onDone={done} />}
      {/* Deleted on another device while open: the form stays, so the edit can still be saved. */}
      {editing.kind === 'edit' && !categories.some((category) => category.id === editing.id) && (
        <CategoryForm category={tally.ledger.categories.get(editing.id)} onDone={done} />
      )}
      {categories.length === 0 && editing.kind !== 'new' && <p className="empty">{text('empty')}</p>}
      {[...groups].map(([group, members]) => (
        <div key={group} className="group">
          <h2 className="group__title">{group || words('ungrouped')}</h2>
          <ul className="list">
            {members.map((category) =>
              editing.kind === 'edit' && editing.id === category.id ? (
                <li key={category.id}>
                  <CategoryForm category={category} onDone={done} />
                </li>
              ) : (
                <li key={category.id} className="list__row" data-testid="category-row" data-id={category.id}>
                  <RowButton
                    opens={canEdit}
                    className="list__button"
                    id={`edit-category-${category.id}`}
                    onClick={() => setEditing({ kind: 'edit', id: category.id })}
                  >
                    <span className="list__title">{category.name}</span>
                    <span className={`tag tag--${category.kind}`}>
                      {shared(category.kind)}
                      {category.archived && ` · ${text('archived')}`}
                    </span>
                  </RowButton>
                </li>
              ),
            )}
          </ul>
        </div>
      ))}
      <RulesSection />
    </section>
  );
}
