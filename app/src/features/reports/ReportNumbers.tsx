import { formatMoney, money } from '@tally/schema';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { reportMessages } from './messages.js';
import type { ReportView } from './report-view.js';

interface ReportNumbersProps {
  readonly view: ReportView;
  readonly caption: string;
  readonly headings: readonly string[];
  /** What each row is about, as the reader's language says it. */
  readonly labels: readonly string[];
  readonly locale: string;
}

/** Whether the table is wider than its box, as the box's width changes. */
function useOverflowing(frame: RefObject<HTMLElement | null>): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    // No measuring now: the observer's first call comes once the table is laid out anyway, so
    // showing it forces no layout of the page in the same task.
    const resize = new ResizeObserver(() => setOverflowing(element.scrollWidth > element.clientWidth + 1));
    resize.observe(element);
    const table = element.firstElementChild;
    if (table) resize.observe(table);
    return () => resize.disconnect();
  }, [frame]);
  return overflowing;
}

/**
 * The numbers behind a chart, as a table: what a screen reader reads, and what anyone can check.
 * Wider than a phone, it scrolls sideways inside its own box, which says so, with its first column kept in view.
 */
export function ReportNumbers({ view, caption, headings, labels, locale }: ReportNumbersProps) {
  const text = useText(reportMessages);
  const frame = useRef<HTMLElement>(null);
  const overflowing = useOverflowing(frame);
  return (
    <div className="report-table__box">
      {overflowing && (
        <p className="hint report-table__hint" data-testid="report-table-scroll-hint" id="report-table-hint">
          {text('tableScrolls')}
        </p>
      )}
      <section
        ref={frame}
        className="report-table"
        data-testid="report-table-frame"
        data-overflowing={overflowing}
        // Scrollable, so it must be reachable by the keyboard to be scrolled without a pointer.
        tabIndex={overflowing ? 0 : undefined}
        aria-label={caption}
        aria-describedby={overflowing ? 'report-table-hint' : undefined}
      >
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
      </section>
    </div>
  );
}
