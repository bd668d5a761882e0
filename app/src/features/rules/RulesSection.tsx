import { useText } from '../../i18n/index.js';
import { ruleMessages } from './messages.js';

export function RulesSection() {
  const text = useText(ruleMessages);
  return (
    <div className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{text('title')}</h2>
    </div>
  );
}
