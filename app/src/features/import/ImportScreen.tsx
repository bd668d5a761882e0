import { useText } from '../../i18n/index.js';
import { importMessages } from './messages.js';

export function ImportScreen() {
  const text = useText(importMessages);
  return (
    <section className="screen" aria-labelledby="import-title">
      <h1 id="import-title">{text('title')}</h1>
    </section>
  );
}
