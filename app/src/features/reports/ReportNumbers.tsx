import { formatMoney, money } from '@tally/schema';
import type { ReportView } from './report-view.js';

interface ReportNumbersProps {
  readonly view: ReportView;
  readonly caption: string;
  readonly headings: readonly string[];
  /** What each row is about, as the reader's language says it. */
  readonly labels: readonly string[];
  readonly locale: string;
}

/** The numbers behind a chart, as a table: what a screen reader reads, and what anyone can check. */
export function ReportNumbers({ view, caption, headings, labels, locale }: ReportNumbersProps) {
  return (
    <div className="report-table">
      <table data-testid="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row, index) => (
            <tr key={labels[index] ?? index} data-testid="report-row">
              <th scope="row">{labels[index]}</th>
              {row.amounts.map((amount, column) => (
                <td key={headings[column + 1] ?? column} className="money">
                  {formatMoney(money(amount, view.currency), locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
