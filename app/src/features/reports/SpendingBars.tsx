import { formatMoney, money } from '@tally/schema';
import type { ReportView } from './report-view.js';

interface SpendingBarsProps {
  readonly view: ReportView;
  /** Each row's category, as the reader's language says it. */
  readonly labels: readonly string[];
  readonly locale: string;
}

/**
 * Spending by category as horizontal bars, one line per category with its name above its bar, so
 * names never crowd an axis on a phone. Hidden from assistive technology: the table holds the same numbers.
 */
export function SpendingBars({ view, labels, locale }: SpendingBarsProps) {
  const largest = Math.max(1, ...view.rows.map((row) => row.amounts[0] ?? 0));
  return (
    <ul className="spending-bars" aria-hidden="true" data-testid="report-chart">
      {view.rows.map((row, index) => {
        const amount = row.amounts[0] ?? 0;
        return (
          <li key={labels[index] ?? index} className="spending-bars__row">
            <span className="spending-bars__name" data-testid="report-chart-label">
              {labels[index]}
            </span>
            <span className="spending-bars__amount money">{formatMoney(money(amount, view.currency), locale)}</span>
            <span className="spending-bars__track">
              <span
                className="spending-bars__bar"
                style={{ width: `${Math.max(0, Math.min(100, (amount / largest) * 100))}%` }}
              />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
