import { useText } from '../../i18n/index.js';
import { importMessages } from './messages.js';
import type { ImportErrorCode, ImportErrorValues } from './statement.js';

/** Why a file or a row cannot be imported, in the user's language. */
export function ErrorReason({ code, values }: { readonly code: ImportErrorCode; readonly values: ImportErrorValues }) {
  const text = useText(importMessages);
  return <>{text(`error.${code}`, values)}</>;
}
