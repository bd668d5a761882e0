import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { ledgerRefusal } from './ledger-refusal.js';
import { ledgerMessages } from './messages.js';

type Resending = { readonly state: 'idle' | 'sending' | 'sent' } | { readonly state: 'refused'; readonly why: string };

/** Offered where the relay refused an account whose address is not verified: asks for a new link. */
export function ResendVerification() {
  const text = useText(ledgerMessages);
  const { sync } = useTally();
  const [resending, setResending] = useState<Resending>({ state: 'idle' });
  const resend = async () => {
    setResending({ state: 'sending' });
    try {
      await sync.resendVerification();
      setResending({ state: 'sent' });
    } catch (error) {
      setResending({ state: 'refused', why: ledgerRefusal(error, text) });
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
