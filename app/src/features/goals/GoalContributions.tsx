import { type Contribution, formatMoney, type Goal, type LedgerRecord, money } from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { useIssueText } from '../../forms/index.js';
import { useLocale, useText } from '../../i18n/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { describedBy, Field, formatDay, formMessages, Money, today } from '../../ui/index.js';
import { type ContributionDraft, type ContributionIssues, type GoalProblem, saveContribution } from './goal-draft.js';
import { goalMessages } from './messages.js';

interface GoalContributionsProps {
  readonly goal: LedgerRecord<Goal>;
  readonly contributions: readonly LedgerRecord<Contribution>[];
}

/** Money put towards the goal by hand: each one listed with a way to delete it, and a form to add another. */
export function GoalContributions({ goal, contributions }: GoalContributionsProps) {
  const { ledger } = useTally();
  const canEdit = useCanEdit();
  const text = useText(goalMessages);
  const words = useText(formMessages);
  const locale = useLocale();
  return (
    <details className="goal__contributions" data-testid="goal-contributions">
      <summary data-testid="goal-contributions-toggle">
        {text('contributions', { count: contributions.length })}
      </summary>
      {contributions.length === 0 ? (
        <p className="empty">{text('noContributions')}</p>
      ) : (
        <ul className="list">
          {contributions.map((contribution) => (
            <li
              key={contribution.id}
              className="list__row list__row--static goal__contribution"
              data-testid="contribution-row"
              data-id={contribution.id}
            >
              <span>
                <span className="list__title">{formatDay(contribution.date, locale)}</span>
                {contribution.note && <span className="list__detail">{contribution.note}</span>}
              </span>
              <Money amount={contribution.amount} currency={contribution.currency} testId="contribution-amount-shown" />
              {canEdit && (
                <button
                  type="button"
                  className="button button--danger"
                  data-testid="delete-contribution"
                  aria-label={text('deleteContribution', {
                    amount: formatMoney(money(contribution.amount, contribution.currency), locale),
                    date: formatDay(contribution.date, locale),
                  })}
                  onClick={() => ledger.contributions.delete(contribution.id)}
                >
                  {words('delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <ContributionForm goal={goal} />}
    </details>
  );
}

function ContributionForm({ goal }: { readonly goal: LedgerRecord<Goal> }) {
  const { ledger } = useTally();
  const text = useText(goalMessages);
  const words = useText(formMessages);
  const locale = useLocale();
  const [draft, setDraft] = useState<ContributionDraft>(() => ({ amount: '', date: today(), note: '' }));
  const [issues, setIssues] = useState<ContributionIssues>({});
  const set = (field: keyof ContributionDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const message = useIssueText((problem: GoalProblem) => text(problem, { start: '', code: goal.currency }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const saving = saveContribution(ledger, goal, draft, locale);
    setIssues('issues' in saving ? saving.issues : {});
    if ('saved' in saving) setDraft((current) => ({ ...current, amount: '', note: '' }));
  };
  const id = (field: string) => `contribution-${field}-${goal.id}`;
  const errors = {
    amount: message(issues.amount),
    date: message(issues.date),
    note: message(issues.note),
    form: message(issues.form),
  };
  return (
    <form className="form goal__contribution-form" onSubmit={submit} noValidate data-testid="contribution-form">
      <div className="goal-form__pair">
        <Field id={id('amount')} label={text('amount', { currency: goal.currency })} error={errors.amount}>
          <input
            id={id('amount')}
            data-testid="contribution-amount"
            inputMode="decimal"
            autoComplete="off"
            value={draft.amount}
            onChange={set('amount')}
            {...describedBy(id('amount'), errors.amount)}
          />
        </Field>
        <Field id={id('date')} label={words('date')} error={errors.date}>
          <input
            id={id('date')}
            data-testid="contribution-date"
            type="date"
            value={draft.date}
            onChange={set('date')}
            {...describedBy(id('date'), errors.date)}
          />
        </Field>
      </div>
      <Field id={id('note')} label={text('note')} error={errors.note}>
        <input
          id={id('note')}
          data-testid="contribution-note"
          value={draft.note}
          onChange={set('note')}
          {...describedBy(id('note'), errors.note)}
        />
      </Field>
      {errors.form && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button" data-testid="add-contribution">
          {text('addContribution')}
        </button>
      </div>
    </form>
  );
}
