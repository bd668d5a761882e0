import { useText } from '../../i18n/index.js';
import { reportMessages } from './messages.js';

export function ReportsScreen() {
  const text = useText(reportMessages);
  return (
    <section className="screen" aria-labelledby="reports-title">
      <h1 id="reports-title">{text('title')}</h1>
    </section>
  );
}
