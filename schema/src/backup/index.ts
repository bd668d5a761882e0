export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  exportLedger,
  type LedgerBackup,
  type RestoreMode,
  type RestoreSummary,
  restoreLedger,
} from './ledger-backup.js';
export { transactionsToCsv } from './transactions-csv.js';
