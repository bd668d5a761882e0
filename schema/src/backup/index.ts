export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  exportLedger,
  restoreLedger,
  type LedgerBackup,
  type RestoreMode,
  type RestoreSummary,
} from './ledger-backup.js';
export { transactionsToCsv } from './transactions-csv.js';
