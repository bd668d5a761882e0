import { useEffect, useMemo, useRef, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useCanEdit, useTally, useTransactionRows } from '../../tally/index.js';
import { RowButton } from '../../ui/index.js';
import { ruleMessages } from './messages.js';
import { categoryLabel, RuleForm } from './RuleForm.js';
import { foldTargets, matchCounts } from './rule-matches.js';
import './rules.css';

type Editing = { readonly kind: 'none' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string };

/** The person's category rules, "Payee contains … → category", with how many transactions each matches. */
export function RulesSection() {
  const tally = useTally();
  const canEdit = useCanEdit();
  const text = useText(ruleMessages);
  const rules = useRecords(tally.rules);
  const categories = useRecords(tally.categories);
  const { rows } = useTransactionRows();
  const transactions = useMemo(() => foldTargets(rows), [rows]);
  const counts = useMemo(() => matchCounts(rules, transactions), [rules, transactions]);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const returnFocus = useRef<string | undefined>(undefined);
  const done = () => {
    returnFocus.current = editing.kind === 'edit' ? `rule-${editing.id}` : 'add-rule';
    setEditing({ kind: 'none' });
  };
  // A closed form hands the keyboard back to what opened it (or to "New rule" when its rule is gone).
  useEffect(() => {
    if (editing.kind !== 'none' || returnFocus.current === undefined) return;
    (document.getElementById(returnFocus.current) ?? document.getElementById('add-rule'))?.focus();
    returnFocus.current = undefined;
  }, [editing]);
  const formProps = { rules, categories, transactions, onDone: done };

  return (
    <section className="card rules" aria-labelledby="rules-title" data-testid="rules-section">
      <div className="screen__head">
        <h2 id="rules-title">{text('title')}</h2>
        {canEdit && (
          <button
            type="button"
            id="add-rule"
            className="button"
            data-testid="add-rule"
            disabled={categories.length === 0}
            aria-describedby="rules-intro"
            onClick={() => setEditing({ kind: 'new' })}
          >
            {text('add')}
          </button>
        )}
      </div>
      <p className="hint" id="rules-intro">
        {categories.length === 0 ? text('needCategories') : text('intro')}
      </p>
      {editing.kind === 'new' && <RuleForm {...formProps} />}
      {rules.length === 0 && editing.kind !== 'new' && <p className="empty">{text('empty')}</p>}
      {rules.length > 0 && (
        <ul className="list" data-testid="rule-list">
          {rules.map((rule) => {
            const category = tally.categories.get(rule.categoryId);
            return editing.kind === 'edit' && editing.id === rule.id ? (
              <li key={rule.id}>
                <RuleForm {...formProps} rule={rule} />
              </li>
            ) : (
              <li key={rule.id} className="list__row" data-testid="rule-row" data-id={rule.id}>
                <RowButton
                  opens={canEdit}
                  id={`rule-${rule.id}`}
                  className="list__button"
                  onClick={() => setEditing({ kind: 'edit', id: rule.id })}
                >
                  <span className="list__title" data-testid="rule-summary">
                    {text(`rule.${rule.field}`, {
                      text: rule.contains,
                      category: category ? categoryLabel(category) : text('noCategory'),
                    })}
                  </span>
                  <span className="list__detail" data-testid="rule-matches">
                    {text.count('matches', counts.get(rule.id) ?? 0)}
                  </span>
                </RowButton>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
