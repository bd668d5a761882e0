import { type FormEvent, useState } from 'react';
import { type Checked, sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useLedgers, useSyncState, useTally } from '../../tally/index.js';
import { describedBy, Field, formMessages, routeMessages } from '../../ui/index.js';
import { ResendVerification } from '../settings/index.js';
import { type LedgerFormIssues, ledgerFormRefusal, ledgerRefusal, relayRefusal } from './ledger-refusal.js';
import { MembersSection } from './MembersSection.js';
import { ledgerMessages } from './messages.js';
import { ledgerName, openLedger } from './open-ledger.js';
import './ledgers.css';

/** The code of an invitation link, `#/accept?code=…`. */
function codeInAddress(): string {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('code') ?? '';
}

/** The ledgers to open, a new one, joining one with a code, and the open ledger's sharing. */
export function LedgersScreen() {
  const text = useText(ledgerMessages);
  const routes = useText(routeMessages);
  const tally = useTally();
  const { ledgers } = useLedgers();
  const { account } = useSyncState();
  const linked = account !== undefined && !account.revoked;
  const current = ledgers.find((ledger) => ledger.current);

  return (
    <section className="screen ledgers" aria-labelledby="ledgers-title">
      <h1 id="ledgers-title">{routes('ledgers')}</h1>
      <div className="card">
        <h2>{text('listTitle')}</h2>
        <ul className="list">
          {ledgers.map((ledger) => (
            <li
              key={ledger.key}
              className="list__row list__row--static"
              data-testid="ledger-row"
              data-key={ledger.key}
              data-role={ledger.role ?? 'local'}
              data-current={ledger.current}
            >
              <span>
                <span className="list__title">{ledgerName(ledger, text)}</span>
                <span className="list__detail">
                  {text(`role.${ledger.role ?? 'local'}`)}
                  {!ledger.onDevice && ` · ${text('notOnDevice')}`}
                </span>
              </span>
              {ledger.current ? (
                <span className="tag">{text('openNow')}</span>
              ) : (
                <button
                  type="button"
                  className="button"
                  data-testid="open-ledger"
                  aria-label={text('openLedger', { name: ledgerName(ledger, text) })}
                  onClick={() => void openLedger(tally, ledger.key, '#/')}
                >
                  {text('open')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
      <CreateLedger linked={linked} />
      {linked && <AcceptInvitation />}
      {current && !current.personal && current.docId === null && (
        <div className="card">
          <h2>{text('connectTitle')}</h2>
          {linked ? <ConnectLedger /> : <p className="hint">{text('needsAccount')}</p>}
        </div>
      )}
      {linked && current && !current.personal && current.docId !== null && (
        <MembersSection ledger={current} ownEmail={account.email} />
      )}
    </section>
  );
}

function CreateLedger({ linked }: { readonly linked: boolean }) {
  const text = useText(ledgerMessages);
  const words = useText(formMessages);
  const tally = useTally();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const sending = await sendForm({
      check: () => (name.trim() === '' ? { issues: text('nameRequired') } : { fields: name.trim() }),
      send: (named) => tally.ledgers.create(named),
      refused: (error) => relayRefusal(error, text),
    });
    if ('issues' in sending) {
      setProblem(sending.issues);
      setBusy(false);
      return;
    }
    await openLedger(tally, sending.sent, '#/ledgers');
  };
  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{text('createTitle')}</h2>
      {!linked && <p className="hint">{text('createLocalHint')}</p>}
      <Field id="new-ledger-name" label={words('name')} error={problem}>
        <input
          id="new-ledger-name"
          data-testid="new-ledger-name"
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          {...describedBy('new-ledger-name', problem)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="create-ledger" disabled={busy}>
          {text('create')}
        </button>
      </div>
    </form>
  );
}

function AcceptInvitation() {
  const text = useText(ledgerMessages);
  const tally = useTally();
  const [code, setCode] = useState(codeInAddress);
  const [problem, setProblem] = useState<string | undefined>();
  const [unverified, setUnverified] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const sending = await sendForm({
      check: (): Checked<string, LedgerFormIssues> =>
        code.trim() === '' ? { issues: { problem: text('codeRequired'), unverified: false } } : { fields: code.trim() },
      send: (typed) => tally.ledgers.accept(typed),
      refused: (error) => ledgerFormRefusal(error, text),
    });
    if ('issues' in sending) {
      setProblem(sending.issues.problem);
      setUnverified(sending.issues.unverified);
      setBusy(false);
      return;
    }
    await openLedger(tally, sending.sent, '#/');
  };
  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{text('acceptTitle')}</h2>
      <Field id="accept-code" label={text('code')} error={problem}>
        <input
          id="accept-code"
          data-testid="accept-code"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          {...describedBy('accept-code', problem)}
        />
      </Field>
      {unverified && <ResendVerification />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="accept-invitation" disabled={busy}>
          {text('accept')}
        </button>
      </div>
    </form>
  );
}

function ConnectLedger() {
  const text = useText(ledgerMessages);
  const tally = useTally();
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const connect = async () => {
    setBusy(true);
    try {
      await tally.ledgers.connectCurrent();
    } catch (error) {
      setProblem(ledgerRefusal(error, text));
    }
    setBusy(false);
  };
  return (
    <>
      <p className="hint">{text('connectHint')}</p>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        data-testid="connect-ledger"
        disabled={busy}
        onClick={() => void connect()}
      >
        {text('connect')}
      </button>
    </>
  );
}
