import { type Account, formatAmount, type Ledger, type LedgerRecord, money } from '@tally/schema';
import { type AccountDraft, type AccountIssues, readAccountDraft } from './account-draft.js';

/** The account being edited: the form as it opened, so only what the person changed is written. */
export interface AccountEditing {
  readonly id: string;
  /** Without it, the form is compared with the account as it is now. */
  readonly opened?: AccountDraft | undefined;
  /** Save into an account another device deleted meanwhile, bringing it back. */
  readonly restore?: boolean;
}

export type AccountSaving = { readonly saved: true } | { readonly issues: AccountIssues } | { readonly deleted: true };

/** The form of an existing account, its opening balance written the way the locale writes amounts. */
export function accountDraftOf(account: LedgerRecord<Account>, locale: string): AccountDraft {
  return {
    name: account.name,
    type: account.type,
    currency: account.currency,
    openingBalance: formatAmount(money(account.openingBalance, account.currency), locale, { useGrouping: false }),
  };
}

/**
 * Checks the account form, then creates the account or changes it. An edit writes only the fields
 * the person changed since the form opened, so a field another device changed meanwhile keeps that
 * device's value (LWW1); an edit of an account deleted meanwhile is refused (`deleted`) until it is
 * saved again with `restore`, never dropped. The ledger's own refusals are thrown as `LedgerError`.
 */
export function saveAccountDraft(
  ledger: Ledger,
  draft: AccountDraft,
  editing: AccountEditing | undefined,
  locale: string,
): AccountSaving {
  const current = editing ? ledger.accounts.get(editing.id) : undefined;
  if (editing && (!current || current.deleted) && !editing.restore) return { deleted: true };
  // An account's currency is fixed once it exists, so an edit reads amounts in the stored one.
  const entry = readAccountDraft(current ? { ...draft, currency: current.currency } : draft, locale);
  if (!entry.ok) return { issues: entry.issues };
  const { name, type, currency, openingBalance } = entry.account;
  if (!current) {
    ledger.accounts.create({ name, type, currency, openingBalance });
    return { saved: true };
  }
  const opened = editing?.restore ? undefined : (editing?.opened ?? accountDraftOf(current, locale));
  const patch: { name?: string; type?: Account['type']; openingBalance?: number } = {};
  if (!opened || draft.name !== opened.name) patch.name = name;
  if (!opened || draft.type !== opened.type) patch.type = type;
  if (!opened || draft.openingBalance !== opened.openingBalance) patch.openingBalance = openingBalance;
  ledger.transact(() => {
    if (current.deleted) ledger.accounts.restore(current.id);
    ledger.accounts.update(current.id, patch);
  });
  return { saved: true };
}
