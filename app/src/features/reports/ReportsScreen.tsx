import { useMemo, useState } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useTally } from '../../tally/index.js';
import { routeMessages, today } from '../../ui/index.js';
import { reportMessages } from './messages.js';
import { type ReportFilter, ReportFilters } from './ReportFilters.js';
import { ReportOutput } from './ReportOutput.js';
import { isUpdating } from './report-engine.js';
import { choosePeriod, presetPeriod } from './report-period.js';
import { accountScope, REPORT_KINDS, type ReportKind, type ReportRequest } from './report-request.js';
import { useReport } from './use-report.js';
import { useReportKindName } from './use-report-kind-name.js';
import './reports.css';

/** Where the money went and how it grew: four reports, each a chart with its numbers beside it. */
export function ReportsScreen() {
  const text = useText(reportMessages);
  const routes = useText(routeMessages);
  const kindName = useReportKindName();
  const locale = useLocale();
  const tally = useTally();
  const accounts = useRecords(tally.accounts);
  const categories = useRecords(tally.categories);
  const [kind, setKind] = useState<ReportKind>('spending');
  const [filter, setFilter] = useState<ReportFilter>(() => ({
    preset: 'last-3-months',
    custom: presetPeriod('this-month', today()),
    excluded: new Set(),
    categoryId: null,
  }));

  const trendCategories = useMemo(() => categories.filter((category) => category.kind !== 'income'), [categories]);
  const categoryNames = useMemo(() => new Set(categories.map((category) => category.name)), [categories]);
  const trendCategory = trendCategories.find((category) => category.id === filter.categoryId) ?? trendCategories[0];
  const period = choosePeriod(filter.preset, filter.custom, today());
  const scope = accountScope(
    accounts.map((account) => account.id),
    filter.excluded,
  );
  const noAccount = scope !== null && scope.length === 0;
  const from = period.ok ? period.period.from : undefined;
  const to = period.ok ? period.period.to : undefined;
  // The request is rebuilt only when its values change, so the worker is asked again only then.
  const scopeKey = scope?.join(' ');
  const categoryId = kind === 'category-trend' ? (trendCategory?.id ?? null) : null;
  const request = useMemo((): ReportRequest | null => {
    if (from === undefined || to === undefined || noAccount) return null;
    if (kind === 'category-trend' && categoryId === null) return null;
    return { kind, from, to, accountIds: scopeKey === undefined ? null : scopeKey.split(' '), categoryId };
  }, [kind, from, to, scopeKey, noAccount, categoryId]);
  const results = useReport(accounts.length > 0 ? request : null);
  const kept = results.get(kind);

  return (
    <section className="screen reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{routes('reports')}</h1>
      {accounts.length === 0 ? (
        <p className="empty" data-testid="reports-no-accounts">
          {text('noAccounts')}
        </p>
      ) : (
        <>
          <div className="segmented report-kinds" role="radiogroup" aria-label={text('report')}>
            {REPORT_KINDS.map((item) => (
              <label
                key={item}
                className={item === kind ? 'segmented__option segmented__option--on' : 'segmented__option'}
              >
                <input
                  type="radio"
                  name="report-kind"
                  value={item}
                  checked={item === kind}
                  onChange={() => setKind(item)}
                  data-testid={`report-kind-${item}`}
                />
                {kindName(item)}
              </label>
            ))}
          </div>
          <ReportFilters
            filter={filter}
            onChange={setFilter}
            accounts={accounts}
            categories={kind === 'category-trend' ? trendCategories : undefined}
            periodIssue={period.ok ? undefined : period.issue}
            noAccount={noAccount}
          />
          {kept === undefined ? (
            request !== null && (
              <p className="empty" role="status" data-testid="report-loading">
                {text('loading')}
              </p>
            )
          ) : kept === 'failed' ? (
            <p className="form__error" role="alert" data-testid="report-failed">
              {text('failed')}
            </p>
          ) : kept === null ? (
            <p className="empty" data-testid="reports-no-accounts">
              {text('noAccounts')}
            </p>
          ) : (
            <ReportOutput
              result={kept.result}
              updating={isUpdating(kept, request)}
              categoryNames={categoryNames}
              categoryName={trendCategory?.name}
              locale={locale}
            />
          )}
        </>
      )}
    </section>
  );
}
