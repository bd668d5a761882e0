import { type RefObject, useState } from 'react';
import type { RecentImport } from './recent-imports.js';

export type UndoOutcome = { readonly kind: 'removed'; readonly count: number } | { readonly kind: 'failed' };

/**
 * Undo of one import at a time, with what came of it to announce. The undo button goes away once
 * its import is undone, so focus moves to `stable`, a control that stays, rather than to the page.
 */
export function useUndo(undo: (entry: RecentImport) => Promise<number>, stable?: RefObject<HTMLElement | null>) {
  const [outcome, setOutcome] = useState<UndoOutcome | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const run = async (entry: RecentImport): Promise<void> => {
    if (running !== null) return;
    setRunning(entry.batch);
    try {
      const count = await undo(entry);
      setOutcome({ kind: 'removed', count });
      stable?.current?.focus();
    } catch (error) {
      // The user is told it failed and can try again; the cause is Tally's to fix.
      reportError(error);
      setOutcome({ kind: 'failed' });
    } finally {
      setRunning(null);
    }
  };
  return { outcome, running, run: (entry: RecentImport) => void run(entry) };
}
