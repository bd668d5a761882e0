import { useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { restoreTransactions } from './deleting.js';
import { transactionsMessages } from './messages.js';

/** What was just deleted; a new deletion is a new value, so its toast starts its own time. */
export interface Deletion {
  readonly ids: readonly string[];
}

interface UndoDeleteProps {
  readonly deletion: Deletion | undefined;
  readonly onGone: () => void;
}

/** How long a deletion can be undone from its toast; the ledger keeps it restorable for ever (REC5). */
const UNDO_MS = 10_000;
/** How long "Undone" stays. */
const UNDONE_MS = 3_000;

/** Says what was deleted, with an Undo that brings it back with every field (REC5). */
export function UndoDelete({ deletion, onGone }: UndoDeleteProps) {
  const { ledger } = useTally();
  const text = useText(transactionsMessages);
  const [undone, setUndone] = useState<Deletion | undefined>(undefined);
  const shownUndone = undone !== undefined && undone === deletion;
  useEffect(() => {
    if (deletion === undefined) return;
    const timer = setTimeout(onGone, shownUndone ? UNDONE_MS : UNDO_MS);
    return () => clearTimeout(timer);
  }, [deletion, shownUndone, onGone]);
  if (deletion === undefined) return null;
  const undo = () => {
    restoreTransactions(ledger, deletion.ids);
    setUndone(deletion);
  };
  return (
    <div className="toast toast--undo" role="status" data-testid="undo-toast">
      {shownUndone ? (
        <span data-testid="undone">{text('undone')}</span>
      ) : (
        <>
          <span>{text.count('deleted', deletion.ids.length)}</span>
          <button type="button" className="button" data-testid="undo-delete" onClick={undo}>
            {text('undo')}
          </button>
        </>
      )}
    </div>
  );
}
