import { useLocale, useText } from '../../i18n/index.js';
import { formatMonth, wordMessages } from '../../ui/index.js';
import { shiftMonth } from './budget-view.js';
import { budgetMessages } from './messages.js';

interface MonthSwitcherProps {
  readonly month: string;
  readonly current: string;
  readonly onChange: (month: string) => void;
}

/** The month shown, named in the locale, with a step back, a step forward and a way home. */
export function MonthSwitcher({ month, current, onChange }: MonthSwitcherProps) {
  const text = useText(budgetMessages);
  const shared = useText(wordMessages);
  const locale = useLocale();
  return (
    <nav className="month-switcher" aria-label={shared('month')}>
      <button
        type="button"
        className="button month-switcher__previous"
        data-testid="budget-previous"
        onClick={() => onChange(shiftMonth(month, -1))}
      >
        <span aria-hidden="true">‹ </span>
        {text('previousMonth')}
      </button>
      <h2 className="month-switcher__month" data-testid="budget-month" data-month={month} aria-live="polite">
        {formatMonth(month, locale)}
      </h2>
      <button
        type="button"
        className="button month-switcher__next"
        data-testid="budget-next"
        onClick={() => onChange(shiftMonth(month, 1))}
      >
        {text('nextMonth')}
        <span aria-hidden="true"> ›</span>
      </button>
      {month !== current && (
        <button
          type="button"
          className="button month-switcher__home"
          data-testid="budget-this-month"
          onClick={() => onChange(current)}
        >
          {shared('thisMonth')}
        </button>
      )}
    </nav>
  );
}
