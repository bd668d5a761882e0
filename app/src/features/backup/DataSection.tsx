import { useText } from '../../i18n/index.js';
import { useCanEdit, useSyncState } from '../../tally/index.js';
import { EraseDevice } from './EraseDevice.js';
import { ExportData } from './ExportData.js';
import { backupMessages } from './messages.js';
import { RestoreBackup } from './RestoreBackup.js';
import './data.css';

/** The person's data in and out of Tally: a backup of the whole ledger, the transactions as CSV, and a restore. */
export function DataSection() {
  const text = useText(backupMessages);
  const { account } = useSyncState();
  const canEdit = useCanEdit();
  return (
    <section className="card data" aria-labelledby="backup-title" data-testid="data-section">
      <h2 id="backup-title">{text('title')}</h2>
      <p className="hint">{text('intro')}</p>
      <ExportData />
      {canEdit && <RestoreBackup />}
      {!account && <EraseDevice />}
    </section>
  );
}
