import { describe, expect, it } from 'vitest';
import { RelayApiError } from '../../sync/index.js';
import { whyNotSent } from './send-refusal.js';

describe('why a message with documents was not sent', () => {
  it.each([
    [0, 'network', 'unreachable'],
    [408, 'upload_stalled', 'unreachable'],
    [500, 'internal', 'unreachable'],
    [415, 'blob_type_refused', 'files'],
    [413, 'blob_too_large', 'files'],
    [422, 'blob_hash_mismatch', 'files'],
    [422, 'chat_documents_refused', 'files'],
    [507, 'blob_quota_exceeded', 'refused'],
    [403, 'forbidden', 'refused'],
    [401, 'unauthorized', 'refused'],
  ] as const)('%i %s → %s', (status, code, why) => {
    expect(whyNotSent(new RelayApiError(status, code, 'the relay’s words'))).toBe(why);
  });
});
