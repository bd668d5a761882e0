import { useText } from '../../i18n/index.js';
import { recurringMessages } from './messages.js';

export function RecurringScreen() {
  const text = useText(recurringMessages);
  return (
    <section className="screen" aria-labelledby="recurring-title">
      <h1 id="recurring-title">{text('title')}</h1>
    </section>
  );
}
