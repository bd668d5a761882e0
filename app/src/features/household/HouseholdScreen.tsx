import { formatMoney, type HouseholdBalances, LedgerError, money, whoOwesWhom } from '@tally/schema';
import { useMemo, useState } from 'react';
import { type Refusal, refusalOf, useRefusalText } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useCanEdit, useHomeCurrency, useTally, useTransactionRows } from '../../tally/index.js';
import { closeAndFocus, RowButton, routeMessages, today } from '../../ui/index.js';
import { householdMessages } from './messages.js';
import { PersonForm } from './PersonForm.js';

/**
 * The people of a shared ledger with their balances (SPEC OWE1), who owes whom in the fewest
 * transfers (OWE2), and settling up, which records those transfers (SET2).
 */
type Editing = { readonly kind: 'none' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string };

export function HouseholdScreen() {
  const text = useText(householdMessages);
  const routes = useText(routeMessages);
  const refusal = useRefusalText();
  const tally = useTally();
  const { ledger, sync } = tally;
  const canEdit = useCanEdit();
  const people = useRecords(tally.people);
  const settlements = useRecords(tally.settlements);
  const accounts = useRecords(tally.accounts);
  const { rows } = useTransactionRows();
  const home = useHomeCurrency();
  const [problem, setProblem] = useState<Refusal | undefined>();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const done = () =>
    closeAndFocus(
      () => setEditing({ kind: 'none' }),
      editing.kind === 'edit' ? `edit-person-${editing.id}` : 'add-person',
      'add-person',
    );
  // Balances are in the home currency; until one is chosen, in that of the ledger's first account.
  const currency = home ?? accounts.find((account) => !account.archived)?.currency ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the balances follow every change of people, transactions and settlements
  const balances: HouseholdBalances | undefined = useMemo(
    () => (currency === null ? undefined : ledger.householdBalances(currency)),
    [ledger, currency, rows, people, settlements],
  );
  const transfers = useMemo(() => (balances ? whoOwesWhom(balances.balances) : []), [balances]);
  const me = sync.accountUser && ledger.personForUser(sync.accountUser.userId)?.id;
  const nameOf = (personId: string) => people.find((person) => person.id === personId)?.name ?? '?';
  const show = (amount: number) => (currency ? formatMoney(money(amount, currency), text.locale) : '');

  const settleUp = () => {
    try {
      ledger.settleUp(today(), transfers);
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      setProblem(refusalOf(error));
    }
  };

  return (
    <section className="screen" aria-labelledby="household-title">
      <h1 id="household-title">{routes('household')}</h1>
      <p className="hint">{text('intro')}</p>
      <div className="card">
        <div className="screen__head">
          <h2>{text('peopleTitle')}</h2>
          {canEdit && (
            <button
              type="button"
              className="button"
              id="add-person"
              data-testid="add-person"
              aria-describedby="add-person-hint"
              onClick={() => setEditing({ kind: 'new' })}
            >
              {text('addPerson')}
            </button>
          )}
        </div>
        {canEdit && (
          <p className="hint" id="add-person-hint">
            {text('addPersonHint')}
          </p>
        )}
        {balances && people.length > 0 && <p className="hint">{text('inCurrency', { currency: balances.currency })}</p>}
        {editing.kind === 'new' && <PersonForm onDone={done} />}
        {/* Deleted on another device while open: the form stays, so the rename can still be saved. */}
        {editing.kind === 'edit' && !people.some((person) => person.id === editing.id) && (
          <PersonForm person={ledger.people.get(editing.id)} onDone={done} />
        )}
        {people.length === 0 && editing.kind !== 'new' && <p className="empty">{text('noPeople')}</p>}
        {people.length > 0 && (
          <ul className="list">
            {people.map((person) => {
              if (editing.kind === 'edit' && editing.id === person.id) {
                return (
                  <li key={person.id}>
                    <PersonForm person={person} onDone={done} />
                  </li>
                );
              }
              const balance = balances?.balances.get(person.id)?.amount ?? 0;
              return (
                <li key={person.id} className="list__row" data-testid="person-row" data-person-id={person.id}>
                  <RowButton
                    opens={canEdit}
                    className="list__button"
                    id={`edit-person-${person.id}`}
                    data-testid="edit-person"
                    onClick={() => setEditing({ kind: 'edit', id: person.id })}
                  >
                    <span className="list__title" data-testid="person-name-shown">
                      {person.name}
                      {person.id === me && <span className="tag"> {text('you')}</span>}
                      {person.archived && <span className="tag"> {text('left')}</span>}
                    </span>
                    {balances && (
                      <span className="list__detail" data-testid="person-balance" data-amount={balance}>
                        {balance > 0
                          ? text('owed', { amount: show(balance) })
                          : balance < 0
                            ? text('owes', { amount: show(-balance) })
                            : text('square')}
                      </span>
                    )}
                  </RowButton>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {currency === null && <p className="hint">{text('noCurrency')}</p>}
      {balances && people.length > 0 && (
        <>
          <div className="card">
            <h2>{text('transfersTitle')}</h2>
            {transfers.length === 0 ? (
              <p data-testid="all-square">{text('allSquare')}</p>
            ) : (
              <>
                <ul className="list">
                  {transfers.map((transfer) => (
                    <li
                      key={`${transfer.from}-${transfer.to}`}
                      className="list__row list__row--static"
                      data-testid="owes-row"
                    >
                      {text('transfer', {
                        from: nameOf(transfer.from),
                        to: nameOf(transfer.to),
                        amount: show(transfer.amount.amount),
                      })}
                    </li>
                  ))}
                </ul>
                {canEdit && (
                  <>
                    <p className="hint">{text('settleUpHint')}</p>
                    <button type="button" className="button button--primary" data-testid="settle-up" onClick={settleUp}>
                      {text('settleUp')}
                    </button>
                  </>
                )}
              </>
            )}
            {problem && (
              <p className="form__error" role="alert">
                {refusal(problem)}
              </p>
            )}
          </div>
          {balances.unbalanced.length > 0 && (
            <p className="form__notice" data-testid="household-unbalanced">
              {text('unbalanced', { count: balances.unbalanced.length })}
            </p>
          )}
          {balances.missingPayer.length > 0 && (
            <p className="form__notice">{text('missingPayer', { count: balances.missingPayer.length })}</p>
          )}
          {balances.unconverted > 0 && (
            <p className="form__notice">{text('unconverted', { count: balances.unconverted })}</p>
          )}
        </>
      )}
    </section>
  );
}
