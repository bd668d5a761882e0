import type { Account, Category, LedgerRecord } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import { describedBy, Field, formMessages, routeMessages, wordMessages } from '../../ui/index.js';
import { reportMessages } from './messages.js';
import { PERIOD_PRESETS, type Period, type PeriodIssue, type PeriodPreset } from './report-period.js';

export interface ReportFilter {
  readonly preset: PeriodPreset;
  readonly custom: Period;
  /** Accounts the user left out; accounts added later are in. */
  readonly excluded: ReadonlySet<string>;
  readonly categoryId: string | null;
}

interface ReportFiltersProps {
  readonly filter: ReportFilter;
  readonly onChange: (filter: ReportFilter) => void;
  readonly accounts: readonly LedgerRecord<Account>[];
  /** Categories a trend can follow; none when the report is not a trend. */
  readonly categories: readonly LedgerRecord<Category>[] | undefined;
  readonly periodIssue: PeriodIssue | undefined;
  readonly noAccount: boolean;
}

function isPreset(value: string): value is PeriodPreset {
  return PERIOD_PRESETS.some((preset) => preset === value);
}

/** The period, accounts and category a report covers. */
export function ReportFilters({ filter, onChange, accounts, categories, periodIssue, noAccount }: ReportFiltersProps) {
  const text = useText(reportMessages);
  const routes = useText(routeMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const fromIssue =
    periodIssue === 'from-invalid' || periodIssue === 'from-after-to' ? text(`issue.${periodIssue}`) : undefined;
  const toIssue = periodIssue === 'to-invalid' ? text(`issue.${periodIssue}`) : undefined;
  const toggle = (id: string) => {
    const excluded = new Set(filter.excluded);
    if (excluded.has(id)) excluded.delete(id);
    else excluded.add(id);
    onChange({ ...filter, excluded });
  };

  return (
    <section className="card form report-filters" aria-labelledby="report-filters-title">
      <h2 id="report-filters-title" className="visually-hidden">
        {text('filters')}
      </h2>
      <Field id="report-period" label={text('period')}>
        <select
          id="report-period"
          data-testid="report-period"
          value={filter.preset}
          onChange={(event) => isPreset(event.target.value) && onChange({ ...filter, preset: event.target.value })}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {preset === 'this-month' ? shared('thisMonth') : text(`preset.${preset}`)}
            </option>
          ))}
        </select>
      </Field>
      {filter.preset === 'custom' && (
        <div className="report-filters__dates">
          <Field id="report-from" label={shared('dateFrom')} error={fromIssue}>
            <input
              id="report-from"
              data-testid="report-from"
              type="date"
              value={filter.custom.from}
              onChange={(event) => onChange({ ...filter, custom: { ...filter.custom, from: event.target.value } })}
              {...describedBy('report-from', fromIssue)}
            />
          </Field>
          <Field id="report-to" label={shared('dateTo')} error={toIssue}>
            <input
              id="report-to"
              data-testid="report-to"
              type="date"
              value={filter.custom.to}
              onChange={(event) => onChange({ ...filter, custom: { ...filter.custom, to: event.target.value } })}
              {...describedBy('report-to', toIssue)}
            />
          </Field>
        </div>
      )}
      {accounts.length > 1 && (
        <fieldset
          className="report-filters__accounts"
          aria-describedby={noAccount ? 'report-accounts-error' : undefined}
        >
          <legend>{routes('accounts')}</legend>
          {accounts.map((account) => (
            <label key={account.id} className="choice">
              <input
                type="checkbox"
                data-testid="report-account"
                data-id={account.id}
                checked={!filter.excluded.has(account.id)}
                onChange={() => toggle(account.id)}
              />
              {account.archived ? shared('archived', { name: account.name }) : account.name}
            </label>
          ))}
          {noAccount && (
            <p className="field__error" id="report-accounts-error" data-testid="report-accounts-error" role="alert">
              {text('issue.no-account')}
            </p>
          )}
        </fieldset>
      )}
      {categories !== undefined &&
        (categories.length === 0 ? (
          <p className="empty">{text('noCategories')}</p>
        ) : (
          <Field id="report-category" label={words('category')}>
            <select
              id="report-category"
              data-testid="report-category"
              value={filter.categoryId ?? ''}
              onChange={(event) => onChange({ ...filter, categoryId: event.target.value })}
            >
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </Field>
        ))}
    </section>
  );
}
