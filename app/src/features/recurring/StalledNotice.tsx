import type { LedgerRecord, RecurringTransaction } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import type { StalledItem } from '../../tally/index.js';
import { formMessages } from '../../ui/index.js';
import { recurringMessages } from './messages.js';

interface StalledNoticeProps {
  readonly stalled: readonly StalledItem[];
  readonly rules: readonly LedgerRecord<RecurringTransaction>[];
}

/** Items whose transactions could not be booked (RCR2), named, with what to mend. */
export function StalledNotice({ stalled, rules }: StalledNoticeProps) {
  const text = useText(recurringMessages);
  const words = useText(formMessages);
  const shown = stalled.flatMap((item) => {
    const rule = rules.find((candidate) => candidate.id === item.recurringId);
    return rule ? [{ rule, reasons: item.reasons }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <div className="notice" data-testid="recurring-stalled">
      <p className="recurring__notice-title">{text.count('stalled.title', shown.length)}</p>
      <ul className="recurring__stalled">
        {shown.map(({ rule, reasons }) => (
          <li key={rule.id} data-testid="stalled-item" data-id={rule.id}>
            <strong>{rule.payee || words('noPayee')}</strong>
            {reasons.map((reason) => (
              <span key={reason}> {text(`stalled.${reason}`)}</span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
