import { useText } from '../../i18n/index.js';
import { backupMessages } from './messages.js';

export function DataSection() {
  const text = useText(backupMessages);
  return (
    <div className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{text('title')}</h2>
    </div>
  );
}
