import { useText } from '../../i18n/index.js';
import { importMessages } from './messages.js';
import type { StatementFormat } from './read-statement.js';

/** Which file is being imported, what kind Tally found it to be, and the account it goes into. */
export function FileSummary({
  fileName,
  format,
  accountName,
}: {
  readonly fileName: string;
  readonly format: StatementFormat;
  readonly accountName: string;
}) {
  const text = useText(importMessages);
  return (
    <p className="import__file" data-testid="import-file-summary" data-format={format}>
      {text('file.summary', { file: fileName, format: text(`format.${format}`), account: accountName })}
    </p>
  );
}
