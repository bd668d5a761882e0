import { useRef, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useCanEdit, useTally, useTransactionRows } from '../../tally/index.js';
import { GoalCard } from './GoalCard.js';
import { GoalForm } from './GoalForm.js';
import { goalMessages } from './messages.js';
import { useGoalViews } from './use-goal-views.js';
import './goals.css';

type Editing = { readonly kind: 'none' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string };

/** Savings goals: each with its progress, the monthly amount it needs, and its contributions. */
export function GoalsScreen() {
  const text = useText(goalMessages);
  const tally = useTally();
  const canEdit = useCanEdit();
  const views = useGoalViews();
  const { loaded } = useTransactionRows();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const newGoal = useRef<HTMLButtonElement>(null);
  // Focus goes back where the form was opened from, not to the top of the page.
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const done = () => {
    if (editing.kind === 'new') newGoal.current?.focus();
    setReturnFocusTo(editing.kind === 'edit' ? editing.id : null);
    setEditing({ kind: 'none' });
  };

  // A goal deleted on another device while its form is open keeps the form, so the edit is not lost.
  const editingDeleted =
    editing.kind === 'edit' && !views.some((view) => view.goal.id === editing.id)
      ? tally.ledger.goals.get(editing.id)
      : undefined;

  return (
    <section className="screen" aria-labelledby="goals-title">
      <div className="screen__head">
        <h1 id="goals-title">{text('title')}</h1>
        {canEdit && (
          <button
            ref={newGoal}
            type="button"
            className="button button--primary"
            data-testid="add-goal"
            onClick={() => setEditing({ kind: 'new' })}
          >
            {text('newGoal')}
          </button>
        )}
      </div>
      {!loaded && views.some((view) => view.linkedAccounts.length > 0) && (
        <p className="hint" role="status">
          {text('reading')}
        </p>
      )}
      {editing.kind === 'new' && <GoalForm onDone={done} />}
      {editingDeleted && <GoalForm goal={editingDeleted} onDone={done} />}
      {views.length === 0 && editing.kind !== 'new' && !editingDeleted && (
        <p className="empty" data-testid="goals-empty">
          {text('empty')}
        </p>
      )}
      {views.length > 0 && (
        <ul className="goal-list">
          {views.map((view) => (
            <li key={view.goal.id}>
              {editing.kind === 'edit' && editing.id === view.goal.id ? (
                <GoalForm goal={view.goal} onDone={done} />
              ) : (
                <GoalCard
                  view={view}
                  focusEdit={returnFocusTo === view.goal.id}
                  onEdit={() => setEditing({ kind: 'edit', id: view.goal.id })}
                  onDeleted={() => newGoal.current?.focus()}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
