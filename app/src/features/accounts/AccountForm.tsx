import {
  ACCOUNT_TYPES,
  accountKind,
  formatAmount,
  isCurrencyCode,
  LedgerError,
  money,
  parseMoney,
  validateRecord,
  type Account,
  type AccountType,
  type FieldIssue,
  type LedgerRecord,
} from '@tally/schema';
import { useState, type FormEvent } from 'react';
import { useTally } from '../../app/tally-context.js';
import { describedBy, Field } from '../../ui/Field.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { useLocale } from '../../i18n/index.js';

interface AccountFormProps {
  readonly account?: LedgerRecord<Account> | undefined;
  readonly onDone: () => void;
}

type Issues = Partial<Record<'name' | 'type' | 'currency' | 'openingBalance' | 'form', string>>;

const TYPE_LABELS: Record<AccountType, string> = {
  checking: 'Checking',
  savings: 'Savings',
  credit: 'Credit card',
  cash: 'Cash',
  investment: 'Investment',
  loan: 'Loan',
  other: 'Other',
};

function collect(found: readonly FieldIssue[], into: Issues): Issues {
  for (const issue of found) {
    const field = issue.field === 'name' || issue.field === 'type' || issue.field === 'currency' || issue.field === 'openingBalance' ? issue.field : 'form';
    into[field] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return into;
}

/** Create or edit an account; its currency is fixed once it has been created. */
export function AccountForm({ account, onDone }: AccountFormProps) {
  const { ledger } = useTally();
  const locale = useLocale();
  const [name, setName] = useState(account?.name ?? '');
  const [type, setType] = useState<string>(account?.type ?? 'checking');
  const [currency, setCurrency] = useState<string>(account?.currency ?? 'USD');
  const [opening, setOpening] = useState(
    account ? formatAmount(money(account.openingBalance, account.currency), locale, { useGrouping: false }) : '',
  );
  const [issues, setIssues] = useState<Issues>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = currency.trim().toUpperCase();
    const found: Issues = {};
    let openingBalance = 0;
    if (!isCurrencyCode(code)) {
      found.currency = /^[A-Z]{3}$/.test(code)
        ? `${code} is not a currency code Tally knows.`
        : 'Use a three-letter currency code such as USD or EUR.';
    }
    else if (opening.trim() !== '') {
      const parsed = parseMoney(opening, code, locale);
      if (parsed.ok) openingBalance = parsed.money.amount;
      else found.openingBalance = parsed.reason.charAt(0).toUpperCase() + parsed.reason.slice(1);
    }
    const input = { name: name.trim(), type, currency: isCurrencyCode(code) ? code : 'USD', openingBalance, archived: account?.archived ?? false };
    const validation = validateRecord(accountKind, input);
    if (!validation.ok) collect(validation.issues, found);
    if (!validation.ok || Object.keys(found).length > 0) {
      setIssues(found);
      return;
    }
    const { record } = validation;
    try {
      if (account) ledger.accounts.update(account.id, { name: record.name, type: record.type, openingBalance });
      else ledger.accounts.create({ name: record.name, type: record.type, currency: record.currency, openingBalance });
      onDone();
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      setIssues(collect(error.issues.length > 0 ? error.issues : [{ field: '', message: error.message }], {}));
    }
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="account-form">
      <Field id="account-name" label="Name" error={issues.name}>
        <input id="account-name" data-testid="account-name" value={name} onChange={(event) => setName(event.target.value)} {...describedBy('account-name', issues.name)} />
      </Field>
      <Field id="account-type" label="Type" error={issues.type}>
        <select id="account-type" data-testid="account-type" value={type} onChange={(event) => setType(event.target.value)}>
          {ACCOUNT_TYPES.map((value) => (
            <option key={value} value={value}>
              {TYPE_LABELS[value]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="account-currency" label="Currency" error={issues.currency}>
        <input
          id="account-currency"
          data-testid="account-currency"
          value={currency}
          maxLength={3}
          disabled={account !== undefined}
          onChange={(event) => setCurrency(event.target.value.toUpperCase())}
          {...describedBy('account-currency', issues.currency)}
        />
      </Field>
      <Field id="account-opening-balance" label="Opening balance" error={issues.openingBalance}>
        <input
          id="account-opening-balance"
          data-testid="account-opening-balance"
          inputMode="decimal"
          value={opening}
          onChange={(event) => setOpening(event.target.value)}
          {...describedBy('account-opening-balance', issues.openingBalance)}
        />
      </Field>
      <FormFooter
        error={issues.form}
        archive={
          account && {
            archived: account.archived,
            testId: 'archive-account',
            onToggle: () => {
              ledger.accounts.update(account.id, { archived: !account.archived });
              onDone();
            },
          }
        }
        onCancel={onDone}
        saveLabel="Save account"
        saveTestId="save-account"
      />
    </form>
  );
}
