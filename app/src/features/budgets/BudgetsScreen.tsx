import { useText } from '../../i18n/index.js';
import { budgetMessages } from './messages.js';

export function BudgetsScreen() {
  const text = useText(budgetMessages);
  return (
    <section className="screen" aria-labelledby="budgets-title">
      <h1 id="budgets-title">{text('title')}</h1>
    </section>
  );
}
