import { reportToCsv } from '@tally/schema';
import { useEffect, useMemo, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { formatDay, formatMonth, formatShortMonth, formMessages, wordMessages } from '../../ui/index.js';
import { reportMessages } from './messages.js';
import { type ChartSeries, ReportChart } from './ReportChart.js';
import { ReportNumbers } from './ReportNumbers.js';
import type { ReportKind, ReportResult } from './report-request.js';
import { type ColumnKey, csvFileName, formatRate, type RowSubject, reportView } from './report-view.js';
import { SpendingBars } from './SpendingBars.js';
import { useReportKindName } from './use-report-kind-name.js';

interface ReportOutputProps {
  readonly result: ReportResult;
  /** True while a newer result is on its way: this one stays readable meanwhile. */
  readonly updating: boolean;
  readonly categoryNames: ReadonlySet<string>;
  /** The name of the category a trend follows, for the file name. */
  readonly categoryName: string | undefined;
  readonly locale: string;
}

const SERIES: { readonly [K in ReportKind]: readonly Omit<ChartSeries, 'label'>[] } = {
  spending: [{ colour: '--out', shape: 'bars' }],
  'income-expense': [
    { colour: '--in', shape: 'bars' },
    { colour: '--out', shape: 'bars' },
    { colour: '--accent', shape: 'line' },
  ],
  'net-worth': [{ colour: '--accent', shape: 'line' }],
  'category-trend': [{ colour: '--out', shape: 'bars' }],
};

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Whether the chart of `kind` may show: only from the frame after its table first did, so a new
 * report's table and its chart are two shorter tasks rather than one long one.
 */
function useChartShown(kind: ReportKind): boolean {
  const [shownKind, setShownKind] = useState<ReportKind | undefined>(undefined);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setShownKind(kind));
    return () => cancelAnimationFrame(frame);
  }, [kind]);
  return shownKind === kind;
}

/** One computed report: where its numbers come from, its chart, its table and its CSV. */
export function ReportOutput({ result, updating, categoryNames, categoryName, locale }: ReportOutputProps) {
  const text = useText(reportMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const kindName = useReportKindName();
  const { request } = result;
  const view = useMemo(() => reportView(result, categoryNames), [result, categoryNames]);
  const name = (subject: RowSubject, short: boolean): string => {
    switch (subject.kind) {
      case 'month':
        return short ? formatShortMonth(subject.month, locale) : formatMonth(subject.month, locale);
      case 'category':
        return subject.name;
      case 'uncategorised':
        return shared('uncategorised');
    }
  };
  const rowLabels = view.rows.map((row) => name(row.subject, false));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `name` is made anew each render from `locale` and `text`, which are listed.
  const axisLabels = useMemo(() => view.rows.map((row) => name(row.subject, true)), [view, locale, text]);
  const columnName = (column: ColumnKey): string => {
    switch (column) {
      case 'category':
        return words('category');
      case 'month':
        return shared('month');
      case 'spent':
        return shared('spent');
      case 'net-worth':
        return shared('netWorth');
      default:
        return text(`column.${column}`);
    }
  };
  const headings = view.columns.map(columnName);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `columnName` is made anew each render from `text`, `words` and `shared`, which are listed.
  const series = useMemo(
    () =>
      SERIES[request.kind].map((item, index) => ({
        ...item,
        label: columnName(view.columns[index + 1] ?? 'spent'),
      })),
    [request.kind, view, text, words, shared],
  );
  const chartShown = useChartShown(request.kind);
  const title = kindName(request.kind);
  const span = text('span', { from: formatDay(request.from, locale), to: formatDay(request.to, locale) });

  return (
    <section
      className="card report"
      aria-labelledby="report-title"
      aria-busy={updating}
      data-testid="report"
      data-kind={request.kind}
      data-updating={updating}
    >
      <div className="screen__head">
        <div>
          <h2 id="report-title">{title}</h2>
          <p className="hint" data-testid="report-span">
            {span}
          </p>
        </div>
        <button
          type="button"
          className="button"
          data-testid="export-csv"
          onClick={() => download(reportToCsv(result.table), csvFileName(request, categoryName))}
        >
          {text('exportCsv')}
        </button>
      </div>
      <p className="hint" role="status">
        {updating ? text('updating') : ''}
      </p>
      <div className="report__sources">
        <p data-testid="report-currency">
          {result.homeCurrencySet
            ? text('homeCurrency', { currency: result.currency })
            : text('assumedCurrency', { currency: result.currency })}{' '}
          {!result.homeCurrencySet && <a href="#/currencies">{words('chooseHome')}</a>}
        </p>
        {result.rates.length > 0 && (
          <div data-testid="report-rates">
            <h3>{text('ratesUsed')}</h3>
            <ul>
              {result.rates.map((rate) => (
                <li key={`${rate.from}${rate.to}${rate.date}`}>
                  {text('rate', {
                    from: rate.from,
                    rate: formatRate(rate.rate, locale),
                    to: rate.to,
                    date: formatDay(rate.date, locale),
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {result.table.unconverted > 0 && (
          <p className="notice" data-testid="report-unconverted">
            {text.count('unconverted', result.table.unconverted, { currency: result.currency })}
          </p>
        )}
      </div>
      {view.rows.length === 0 ? (
        <p className="empty" data-testid="report-empty">
          {text('empty.spending')}
        </p>
      ) : (
        <>
          <div aria-hidden="true">
            {chartShown &&
              (request.kind === 'spending' ? (
                <SpendingBars view={view} labels={rowLabels} locale={locale} />
              ) : (
                <ReportChart view={view} labels={axisLabels} series={series} locale={locale} />
              ))}
            {series.length > 1 && (
              <ul className="report-legend">
                {series.map((item) => (
                  <li key={item.label}>
                    <span
                      className={`report-legend__swatch report-legend__swatch--${item.shape}`}
                      style={{ background: `var(${item.colour})` }}
                    />
                    {item.label}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <ReportNumbers
            view={view}
            caption={`${title}, ${span}`}
            headings={headings}
            labels={rowLabels}
            locale={locale}
          />
        </>
      )}
    </section>
  );
}
