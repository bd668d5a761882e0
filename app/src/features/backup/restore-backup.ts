import { type Ledger, type RestoreMode, type RestoreSummary, restoreLedger } from '@tally/schema';
import { type Saving, saveForm } from '../../forms/index.js';
import { BACKUP_COLLECTIONS } from './backup-contents.js';

/** Why a restore wrote nothing. */
export type RestoreProblem = 'not-empty' | 'damaged';

/** A restore saved (with what it added and kept) or refused with why: the one shape every form saves to. */
export type RestoreOutcome = Saving<RestoreProblem, RestoreSummary>;

/** Whether the ledger has any record, deleted ones included: a restore "into empty" needs none (BAK1). */
export function ledgerHoldsRecords(ledger: Ledger): boolean {
  return BACKUP_COLLECTIONS.some((name) => ledger[name].size > 0);
}

/**
 * Restores a backup completely or not at all (BAK3), through the routine every form saves by
 * (`saveForm`): the chosen way checked, then the backup written as one ledger change; a refusal of
 * the ledger is a damaged backup, a reason the screen can name.
 */
export function restoreBackup(ledger: Ledger, data: unknown, mode: RestoreMode): RestoreOutcome {
  return saveForm(ledger, {
    check: () => (mode === 'into-empty' && ledgerHoldsRecords(ledger) ? { issues: 'not-empty' } : { fields: mode }),
    write: (chosen) => restoreLedger(ledger, data, chosen),
    refused: (): RestoreProblem => 'damaged',
  });
}
