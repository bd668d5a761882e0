import type { FieldIssue } from '../records/index.js';

export type LedgerErrorCode = 'invalid-record' | 'not-found' | 'read-only' | 'view-only' | 'overruled';

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}
