import { formatMoney, type GoalState } from '@tally/schema';
import { useState } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { formatDay, formMessages } from '../../ui/index.js';
import { GoalContributions } from './GoalContributions.js';
import type { GoalView } from './goal-view.js';
import { goalMessages } from './messages.js';

interface GoalCardProps {
  readonly view: GoalView;
  /** Focus its Edit button when shown: the goal's form has just closed. */
  readonly focusEdit: boolean;
  readonly onEdit: () => void;
  readonly onDeleted: () => void;
}

/** One goal: how far it is, what it still needs each month, and whether that is on time — in words, not colour alone. */
export function GoalCard({ view, focusEdit, onEdit, onDeleted }: GoalCardProps) {
  const { ledger } = useTally();
  const canEdit = useCanEdit();
  const text = useText(goalMessages);
  const words = useText(formMessages);
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const { goal, progress } = view;
  const nameId = `goal-name-${goal.id}`;
  const format = (amount: number) => formatMoney({ amount, currency: goal.currency }, locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(progress.percent / 100);
  const linkedNames = new Intl.ListFormat(locale, { type: 'conjunction' }).format(view.linkedAccounts);
  const progressText = text('progress', {
    saved: formatMoney(progress.saved, locale),
    target: format(goal.targetAmount),
    percent,
  });
  const remove = () => {
    ledger.transact(() => {
      for (const contribution of view.contributions) ledger.contributions.delete(contribution.id);
      ledger.goals.delete(goal.id);
    });
    onDeleted();
  };

  return (
    <article
      className="card goal"
      data-testid="goal-row"
      data-id={goal.id}
      data-name={goal.name}
      data-state={progress.state}
      aria-labelledby={nameId}
    >
      <div className="goal__head">
        <h2 id={nameId} className="goal__name">
          {goal.name}
        </h2>
        <span className={`goal__state goal__state--${progress.state}`} data-testid="goal-state">
          {text(STATE_MESSAGE[progress.state])}
        </span>
      </div>
      <div
        className="goal__bar"
        role="progressbar"
        aria-labelledby={nameId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={progressText}
        data-testid="goal-progressbar"
      >
        <span className="goal__fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="goal__progress" data-testid="goal-progress">
        {progressText}
      </p>
      <dl className="goal__figures">
        <div>
          <dt>{text('targetLabel')}</dt>
          <dd data-testid="goal-target-shown">{format(goal.targetAmount)}</dd>
        </div>
        <div>
          <dt>{text('dateLabel')}</dt>
          <dd data-testid="goal-date-shown">{goal.targetDate ? formatDay(goal.targetDate, locale) : text('noDate')}</dd>
        </div>
        <div>
          <dt>{text('savedLabel')}</dt>
          <dd data-testid="goal-saved">{formatMoney(progress.saved, locale)}</dd>
        </div>
        <div>
          <dt>{text('leftLabel')}</dt>
          <dd data-testid="goal-left">{formatMoney(progress.remaining, locale)}</dd>
        </div>
        <div className="goal__monthly">
          <dt>{text('monthlyLabel')}</dt>
          <dd data-testid="goal-monthly">
            <MonthlyNeeded view={view} />
          </dd>
        </div>
      </dl>
      {linkedNames !== '' && (
        <p className="hint" data-testid="goal-linked">
          {goal.countWholeBalance || goal.startDate === null
            ? text('linked', { accounts: linkedNames })
            : text('linkedGain', { accounts: linkedNames, start: formatDay(goal.startDate, locale) })}
        </p>
      )}
      {progress.unconverted > 0 && (
        <p className="notice" data-testid="goal-unconverted">
          {text.count('unconverted', progress.unconverted)} <a href="#/currencies">{words('addRates')}</a>
        </p>
      )}
      {confirming ? (
        // biome-ignore lint/a11y/useSemanticElements: a question with two buttons, not a form of fields to group.
        <div className="goal__confirm" role="group" aria-labelledby={`${nameId}-confirm`}>
          <p id={`${nameId}-confirm`}>{text('confirmDelete', { name: goal.name })}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button"
              data-testid="keep-goal"
              autoFocus
              onClick={() => setConfirming(false)}
            >
              {text('keep')}
            </button>
            <button type="button" className="button button--danger" data-testid="confirm-delete-goal" onClick={remove}>
              {words('delete')}
            </button>
          </div>
        </div>
      ) : (
        canEdit && (
          <div className="form__actions">
            <button
              type="button"
              className="button"
              data-testid="edit-goal"
              autoFocus={focusEdit}
              aria-label={text('edit', { name: goal.name })}
              onClick={onEdit}
            >
              {words('edit')}
            </button>
            <button
              type="button"
              className="button button--danger"
              data-testid="delete-goal"
              aria-label={text('delete', { name: goal.name })}
              onClick={() => setConfirming(true)}
            >
              {words('delete')}
            </button>
          </div>
        )
      )}
      <GoalContributions goal={goal} contributions={view.contributions} />
    </article>
  );
}

const STATE_MESSAGE = {
  reached: 'state.reached',
  'on-track': 'state.on-track',
  behind: 'state.behind',
  overdue: 'state.overdue',
  'no-date': 'state.no-date',
} as const satisfies Record<GoalState, string>;

function MonthlyNeeded({ view }: { readonly view: GoalView }) {
  const text = useText(goalMessages);
  const locale = useLocale();
  const { progress } = view;
  switch (progress.state) {
    case 'reached':
      return text('monthlyReached');
    case 'no-date':
      return text('monthlyNoDate');
    case 'overdue':
      return text('monthlyOverdue', { amount: formatMoney(progress.remaining, locale) });
    case 'on-track':
    case 'behind':
      return progress.monthlyNeeded ? formatMoney(progress.monthlyNeeded, locale) : text('monthlyNoDate');
  }
}
