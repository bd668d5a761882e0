export const MONEY_ERROR_CODES = [
  'not-integer',
  'unsafe-integer',
  'unknown-currency',
  'currency-mismatch',
  'overflow',
  'invalid-rate',
  'invalid-allocation',
  'unbalanced',
] as const;

export type MoneyErrorCode = (typeof MONEY_ERROR_CODES)[number];

/** The one error money throws: a programming mistake or a value out of range, never user text. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';
  readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
