import { type Account, formatAmount, type Ledger, type LedgerRecord, money } from '@tally/schema';
import { type Editing, type Saving, saveEdit } from '../../forms/index.js';
import { type AccountDraft, type AccountIssues, readAccountDraft } from './account-draft.js';

/** The account being edited: the form as it opened, so only what the person changed is written. */
export type AccountEditing = Editing<AccountDraft>;

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
 * Checks the account form, then creates the account or changes it (`saveEdit`: an edit writes only
 * the fields the person changed since the form opened, LWW1, and an edit of an account deleted
 * meanwhile is refused until it is saved again with `restore`). The ledger's own refusals come
 * back as the form's issue.
 */
export function saveAccountDraft(
  ledger: Ledger,
  draft: AccountDraft,
  editing: AccountEditing | undefined,
  locale: string,
): Saving<AccountIssues> {
  return saveEdit(ledger, draft, editing, {
    find: (id) => ledger.accounts.get(id),
    draftOf: (current) => accountDraftOf(current, locale),
    check: ({ current }) => {
      // An account's currency is fixed once it exists, so an edit reads amounts in the stored one.
      const entry = readAccountDraft(current ? { ...draft, currency: current.currency } : draft, locale);
      return entry.ok ? { fields: entry.account } : { issues: entry.issues };
    },
    create: (fields) => ledger.accounts.create(fields),
    update: (current, { name, type, openingBalance }, changed) =>
      ledger.accounts.update(current.id, {
        ...(changed('name') && { name }),
        ...(changed('type') && { type }),
        ...(changed('openingBalance') && { openingBalance }),
      }),
    restore: (current) => ledger.accounts.restore(current.id),
    refused: (refusal) => ({ form: refusal }),
  });
}
