import { type Ledger, LedgerError, type RestoreMode, type RestoreSummary, restoreLedger } from '@tally/schema';
import { BACKUP_COLLECTIONS } from './backup-contents.js';

/** Why a restore wrote nothing. */
export type RestoreProblem = 'not-empty' | 'damaged';

export type RestoreOutcome =
  | { readonly ok: true; readonly summary: RestoreSummary }
  | { readonly ok: false; readonly problem: RestoreProblem; readonly detail: string };

/** Whether the ledger has any record, deleted ones included: a restore "into empty" needs none (BAK1). */
export function ledgerHoldsRecords(ledger: Ledger): boolean {
  return BACKUP_COLLECTIONS.some((name) => ledger[name].size > 0);
}

/** Restores a backup completely or not at all (BAK3), turning a refusal into a reason the screen can name. */
export function restoreBackup(ledger: Ledger, data: unknown, mode: RestoreMode): RestoreOutcome {
  if (mode === 'into-empty' && ledgerHoldsRecords(ledger)) return { ok: false, problem: 'not-empty', detail: '' };
  try {
    return { ok: true, summary: restoreLedger(ledger, data, mode) };
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { ok: false, problem: 'damaged', detail: error.message };
  }
}
