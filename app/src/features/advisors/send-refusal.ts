import type { RelayApiError } from '../../sync/index.js';

/** The refusals that are about the files themselves: their type, size or bytes, or how many. */
const FILE_REFUSALS: ReadonlySet<string> = new Set([
  'blob_type_refused',
  'blob_too_large',
  'blob_hash_mismatch',
  'chat_documents_refused',
]);

/**
 * Why a message with documents was not sent, for the words that tell the person: the relay out of
 * reach (or the upload stalled), the files refused, or anything else the relay refused, in its words.
 */
export function whyNotSent(error: RelayApiError): 'unreachable' | 'files' | 'refused' {
  if (FILE_REFUSALS.has(error.code)) return 'files';
  if (error.code === 'blob_quota_exceeded') return 'refused';
  if (error.unreachable || error.code === 'upload_stalled' || error.status >= 500) return 'unreachable';
  return 'refused';
}
