import { useText } from '../../i18n/index.js';
import { transactionEditorMessages } from './editor-messages.js';
import { type PayeeHabit, payeeSuggestions } from './payee-habits.js';

interface PayeeSuggestionsProps {
  readonly habits: readonly PayeeHabit[];
  readonly typed: string;
  readonly kind: 'expense' | 'income';
  readonly onPick: (habit: PayeeHabit) => void;
}

/** How many payees are offered at once: one row of a phone's width, give or take. */
const OFFERED = 4;

/** The ledger's payees that fit what is typed, each picked with one tap. */
export function PayeeSuggestions({ habits, typed, kind, onPick }: PayeeSuggestionsProps) {
  const text = useText(transactionEditorMessages);
  const offered = payeeSuggestions(habits, typed, kind, OFFERED);
  if (offered.length === 0) return null;
  return (
    <ul className="payee-suggestions" aria-label={text('payeeSuggestions')}>
      {offered.map((habit) => (
        <li key={habit.payee}>
          <button
            type="button"
            className="payee-suggestions__payee"
            data-testid="payee-suggestion"
            data-payee={habit.payee}
            onClick={() => onPick(habit)}
          >
            {habit.payee}
          </button>
        </li>
      ))}
    </ul>
  );
}
