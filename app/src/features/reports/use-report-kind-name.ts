import { useText } from '../../i18n/index.js';
import { wordMessages } from '../../ui/index.js';
import { reportMessages } from './messages.js';
import type { ReportKind } from './report-request.js';

/** Each report's name, as its choice and its heading; net worth in the words every screen uses. */
export function useReportKindName(): (kind: ReportKind) => string {
  const text = useText(reportMessages);
  const shared = useText(wordMessages);
  return (kind) => (kind === 'net-worth' ? shared('netWorth') : text(`kind.${kind}`));
}
