import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { settingsMessages } from './messages.js';

/** Unlinks this device from the relay, keeping its ledger or removing it, as the person chooses. */
export function LogOut() {
  const text = useText(settingsMessages);
  const tally = useTally();
  const [wipe, setWipe] = useState(false);
  const [busy, setBusy] = useState(false);

  const logOut = async () => {
    setBusy(true);
    await tally.sync.logOut();
    if (wipe) {
      await tally.wipe();
      window.location.reload();
    }
    setBusy(false);
  };

  return (
    <div className="card form">
      <h2>{text('logOut')}</h2>
      <label className="choice">
        <input
          type="radio"
          name="logout-data"
          data-testid="logout-keep-data"
          checked={!wipe}
          onChange={() => setWipe(false)}
        />
        {text('keepData')}
      </label>
      <label className="choice">
        <input
          type="radio"
          name="logout-data"
          data-testid="logout-wipe-data"
          checked={wipe}
          onChange={() => setWipe(true)}
        />
        {text('wipeData')}
      </label>
      <div className="form__actions">
        <span className="form__spacer" />
        <button
          type="button"
          className="button button--danger"
          data-testid="logout"
          disabled={busy}
          onClick={() => void logOut()}
        >
          {text('logOut')}
        </button>
      </div>
    </div>
  );
}
