import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { formMessages } from '../../ui/index.js';
import { backupMessages } from './messages.js';

/**
 * Removes the ledger from a device that is not linked to a relay, so a backup can be restored
 * into an empty ledger. A linked device does this by logging out and removing its data.
 */
export function EraseDevice() {
  const tally = useTally();
  const text = useText(backupMessages);
  const words = useText(formMessages);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const erase = async () => {
    setBusy(true);
    await tally.wipe();
    window.location.reload();
  };

  return (
    <div className="data__part">
      <h3>{text('eraseTitle')}</h3>
      <p className="hint" id="erase-intro">
        {text('eraseIntro')}
      </p>
      <div className="form__actions">
        {confirming ? (
          <>
            <button type="button" className="button" data-testid="erase-cancel" onClick={() => setConfirming(false)}>
              {words('cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              data-testid="erase-confirm"
              disabled={busy}
              autoFocus
              onClick={() => void erase()}
            >
              {text('eraseConfirm')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--danger"
            data-testid="erase-device"
            aria-describedby="erase-intro"
            onClick={() => setConfirming(true)}
          >
            {text('erase')}
          </button>
        )}
      </div>
    </div>
  );
}
