import { useState } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { recurringMessages } from './messages.js';
import { RecurringForm } from './RecurringForm.js';
import { RecurringList } from './RecurringList.js';
import { StalledNotice } from './StalledNotice.js';
import { UpcomingList } from './UpcomingList.js';
import { useDueOccurrences } from './use-due-occurrences.js';
import './recurring.css';

export type Editing = { readonly kind: 'none' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string };

/** Recurring items with their schedules, and what falls due in the coming weeks. */
export function RecurringScreen() {
  const text = useText(recurringMessages);
  const tally = useTally();
  const rules = useRecords(tally.recurring);
  const { day, stalled } = useDueOccurrences();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const done = () => {
    setEditing({ kind: 'none' });
    // A saved item may be due already, or may no longer be stalled.
    tally.dueOccurrences.run();
  };

  return (
    <section className="screen recurring" aria-labelledby="recurring-title" data-testid="recurring-screen" data-day={day}>
      <div className="screen__head">
        <h1 id="recurring-title">{text('title')}</h1>
        <button type="button" className="button button--primary" data-testid="add-recurring" onClick={() => setEditing({ kind: 'new' })}>
          {text('add')}
        </button>
      </div>
      <StalledNotice stalled={stalled} rules={rules} />
      {editing.kind === 'new' && <RecurringForm today={day} onDone={done} />}
      {rules.length === 0 && editing.kind !== 'new' ? (
        <p className="empty" data-testid="recurring-empty">
          {text('empty')}
        </p>
      ) : (
        <RecurringList rules={rules} stalled={stalled} today={day} editing={editing} onEdit={(id) => setEditing({ kind: 'edit', id })} onDone={done} />
      )}
      <UpcomingList today={day} />
    </section>
  );
}
