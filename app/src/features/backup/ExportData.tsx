import { exportLedger, transactionsToCsv } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import { useTally, useTransactionRows } from '../../tally/index.js';
import { today } from '../../ui/index.js';
import { backupMessages } from './messages.js';
import { saveFile } from './save-file.js';

/** Downloads of the whole ledger as a backup, and of the transactions as CSV. */
export function ExportData() {
  const { ledger } = useTally();
  const { loaded, rows } = useTransactionRows();
  const text = useText(backupMessages);

  const backUp = () => saveFile('backup', today(), `${JSON.stringify(exportLedger(ledger), null, 2)}\n`);
  const exportCsv = () => {
    // Deleted accounts and categories keep their names on the transactions that still use them.
    const csv = transactionsToCsv(
      ledger.transactions.list(),
      ledger.accounts.list({ includeDeleted: true }),
      ledger.categories.list({ includeDeleted: true }),
      ledger.people.list({ includeDeleted: true }),
    );
    saveFile('transactions', today(), csv);
  };

  return (
    <section className="data__part" aria-labelledby="export-title">
      <h3 id="export-title">{text('exportTitle')}</h3>
      <div className="data__action">
        <button
          type="button"
          className="button"
          data-testid="export-backup"
          aria-describedby="export-backup-hint"
          onClick={backUp}
        >
          {text('exportBackup')}
        </button>
        <p className="hint" id="export-backup-hint">
          {text('exportBackupHint')}
        </p>
      </div>
      <div className="data__action">
        <button
          type="button"
          className="button"
          data-testid="export-csv"
          aria-describedby="export-csv-hint"
          onClick={exportCsv}
        >
          {text('exportCsv')}
        </button>
        <p className="hint" id="export-csv-hint">
          {loaded ? text.count('exportCsvHint', rows.length) : text('exportCsvHintLoading')}
        </p>
      </div>
    </section>
  );
}
