import { useText } from '../../i18n/index.js';
import { goalMessages } from './messages.js';

export function GoalsScreen() {
  const text = useText(goalMessages);
  return (
    <section className="screen" aria-labelledby="goals-title">
      <h1 id="goals-title">{text('title')}</h1>
    </section>
  );
}
