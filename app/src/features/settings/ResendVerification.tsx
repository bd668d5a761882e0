import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { wordMessages } from '../../ui/index.js';
import { accountMailMessages } from './account-mail-messages.js';
import { settingsMessages } from './messages.js';
import { relayFormRefusal } from './relay-form-refusal.js';

type Resending = { readonly state: 'idle' | 'sending' | 'sent' } | { readonly state: 'refused'; readonly why: string };

/** Offered where an account's address is not verified, or its link no longer works: asks the relay for a new link. */
export function ResendVerification() {
  const text = useText(accountMailMessages);
  const refused = relayFormRefusal(useText(settingsMessages), useText(wordMessages));
  const { sync } = useTally();
  const [resending, setResending] = useState<Resending>({ state: 'idle' });
  const resend = async () => {
    setResending({ state: 'sending' });
    try {
      await sync.resendVerification();
      setResending({ state: 'sent' });
    } catch (error) {
      const refusal = refused(error);
      if (refusal === undefined) throw error;
      setResending({ state: 'refused', why: refusal.form });
    }
  };
  return (
    <div className="form__actions" data-testid="verify-first">
      <button
        type="button"
        className="button"
        data-testid="resend-verification"
        disabled={resending.state === 'sending'}
        onClick={() => void resend()}
      >
        {text('resendVerification')}
      </button>
      {resending.state === 'sent' && (
        <p className="hint" role="status" data-testid="verification-resent">
          {text('verificationResent')}
        </p>
      )}
      {resending.state === 'refused' && (
        <p className="form__error" role="alert" data-testid="resend-refused">
          {resending.why}
        </p>
      )}
    </div>
  );
}
