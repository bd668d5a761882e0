import { useText } from '../../i18n/index.js';
import { currencyMessages } from './messages.js';

export function CurrenciesScreen() {
  const text = useText(currencyMessages);
  return (
    <section className="screen" aria-labelledby="currencies-title">
      <h1 id="currencies-title">{text('title')}</h1>
    </section>
  );
}
