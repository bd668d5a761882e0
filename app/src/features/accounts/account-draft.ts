import { ACCOUNT_TYPES, type AccountType, type CurrencyCode, isCurrencyCode } from '@tally/schema';
import { amountRefusal, type Refusal } from '../../forms/index.js';
import { readAmount } from '../../ui/index.js';

/** What the account form holds, as typed. */
export interface AccountDraft {
  readonly name: string;
  readonly type: string;
  readonly currency: string;
  readonly openingBalance: string;
}

export interface AccountIssues {
  readonly name?: 'missing' | 'too-long';
  readonly type?: 'unknown';
  readonly currency?: 'missing' | 'not-a-code' | 'unknown';
  readonly openingBalance?: Refusal;
  /** The ledger refused to write the account. */
  readonly form?: Refusal;
}

export interface AccountFields {
  readonly name: string;
  readonly type: AccountType;
  readonly currency: CurrencyCode;
  readonly openingBalance: number;
}

export type AccountEntry =
  | { readonly ok: true; readonly account: AccountFields }
  | { readonly ok: false; readonly issues: AccountIssues };

/** As long as the ledger lets a name be (REC4). */
const MAX_NAME_LENGTH = 100;

/** The code a person typed, as the ledger writes it: " eur" is EUR. */
export function currencyCodeText(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * Reads the account form, each problem kept by its field. The opening balance is read in the
 * account's currency, as `locale` writes amounts, and left empty means zero.
 */
export function readAccountDraft(draft: AccountDraft, locale: string): AccountEntry {
  const issues: { -readonly [Field in keyof AccountIssues]: AccountIssues[Field] } = {};
  const name = draft.name.trim();
  if (name === '') issues.name = 'missing';
  else if (name.length > MAX_NAME_LENGTH) issues.name = 'too-long';
  const type = ACCOUNT_TYPES.find((candidate) => candidate === draft.type);
  if (type === undefined) issues.type = 'unknown';
  const code = currencyCodeText(draft.currency);
  const currency = isCurrencyCode(code) ? code : undefined;
  if (code === '') issues.currency = 'missing';
  else if (!/^[A-Z]{3}$/u.test(code)) issues.currency = 'not-a-code';
  else if (currency === undefined) issues.currency = 'unknown';
  let openingBalance = 0;
  if (currency !== undefined && draft.openingBalance.trim() !== '') {
    const read = readAmount(draft.openingBalance, currency, locale);
    if (read.ok) openingBalance = read.amount;
    else issues.openingBalance = amountRefusal(read.problem);
  }
  if (type !== undefined && currency !== undefined && Object.keys(issues).length === 0) {
    return { ok: true, account: { name, type, currency, openingBalance } };
  }
  return { ok: false, issues };
}
