import type { Account, LedgerRecord } from '@tally/schema';
import { type DragEvent, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { Field } from '../../ui/index.js';
import { importMessages } from './messages.js';
import { StepHeading } from './StepHeading.js';

interface ChooseStepProps {
  readonly accounts: readonly LedgerRecord<Account>[];
  readonly onChoose: (file: File, account: LedgerRecord<Account>) => void;
}

/** The account to import into and the bank file: chosen with the file picker, or dropped on the step. */
export function ChooseStep({ accounts, onChoose }: ChooseStepProps) {
  const text = useText(importMessages);
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const [dragging, setDragging] = useState(false);
  const account = accounts.find((item) => item.id === accountId) ?? accounts[0];

  if (!account) {
    return (
      <section className="card" aria-labelledby="import-choose-title" data-testid="import-choose">
        <StepHeading id="import-choose-title">{text('choose.title')}</StepHeading>
        <p className="empty">{text('choose.noAccounts')}</p>
        <a className="button" href="#/accounts">
          {text('choose.addAccount')}
        </a>
      </section>
    );
  }

  const drop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onChoose(file, account);
  };

  return (
    <section
      className={dragging ? 'card import__drop import__drop--over' : 'card import__drop'}
      aria-labelledby="import-choose-title"
      data-testid="import-choose"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <StepHeading id="import-choose-title">{text('choose.title')}</StepHeading>
      <div className="form">
        <Field id="import-account" label={text('choose.account')}>
          <select
            id="import-account"
            data-testid="import-account"
            value={account.id}
            onChange={(event) => setAccountId(event.target.value)}
          >
            {accounts.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="import-file" label={text('choose.file')}>
          <input
            id="import-file"
            data-testid="import-file"
            type="file"
            accept=".csv,.txt,.ofx,.qfx,.qif,text/csv,application/x-ofx"
            aria-describedby="import-drop-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) onChoose(file, account);
            }}
          />
        </Field>
        <p className="hint" id="import-drop-hint">
          {text('choose.drop')}
        </p>
      </div>
    </section>
  );
}
