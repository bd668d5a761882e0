import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useCanEdit, useDueOccurrences, useTally } from '../../tally/index.js';
import { closeAndFocus, routeMessages } from '../../ui/index.js';
import { type Editing, editButtonId } from './editing.js';
import { recurringMessages } from './messages.js';
import { RecurringForm } from './RecurringForm.js';
import { RecurringList } from './RecurringList.js';
import { StalledNotice } from './StalledNotice.js';
import { UpcomingList } from './UpcomingList.js';
import './recurring.css';

/** Recurring items with their schedules, and what falls due in the coming weeks. */
export function RecurringScreen() {
  const text = useText(recurringMessages);
  const routes = useText(routeMessages);
  const tally = useTally();
  const canEdit = useCanEdit();
  const rules = useRecords(tally.recurring);
  const { day, stalled } = useDueOccurrences();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const done = () => {
    closeAndFocus(
      () => setEditing({ kind: 'none' }),
      editing.kind === 'edit' ? editButtonId(editing.id) : 'add-recurring',
      'add-recurring',
    );
    // A saved item may be due already, or may no longer be stalled.
    tally.dueOccurrences.run();
  };

  return (
    <section
      className="screen recurring"
      aria-labelledby="recurring-title"
      data-testid="recurring-screen"
      data-day={day}
    >
      <div className="screen__head">
        <h1 id="recurring-title">{routes('recurring')}</h1>
        {canEdit && (
          <button
            type="button"
            id="add-recurring"
            className="button button--primary"
            data-testid="add-recurring"
            onClick={() => setEditing({ kind: 'new' })}
          >
            {text('add')}
          </button>
        )}
      </div>
      <StalledNotice stalled={stalled} rules={rules} />
      {editing.kind === 'new' && <RecurringForm today={day} onDone={done} />}
      {/* Deleted on another device while open: the form stays, so the edit can still be saved. */}
      {editing.kind === 'edit' && !rules.some((rule) => rule.id === editing.id) && (
        <RecurringForm rule={tally.ledger.recurring.get(editing.id)} today={day} onDone={done} />
      )}
      {rules.length === 0 && editing.kind !== 'new' ? (
        <p className="empty" data-testid="recurring-empty">
          {text('empty')}
        </p>
      ) : (
        <RecurringList
          rules={rules}
          stalled={stalled}
          today={day}
          editing={editing}
          onEdit={(id) => setEditing({ kind: 'edit', id })}
          onDone={done}
        />
      )}
      <UpcomingList today={day} />
    </section>
  );
}
