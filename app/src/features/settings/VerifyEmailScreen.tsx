import { useEffect, useRef, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { RelayApi, RelayApiError } from '../../sync/index.js';
import { useSyncState } from '../../tally/index.js';
import { wordMessages } from '../../ui/index.js';
import { accountMailMessages } from './account-mail-messages.js';
import { FinishRegistrationForm } from './FinishRegistrationForm.js';
import { finishesRegistration, relayOfLink, tokenOfLink } from './mail-link.js';
import { settingsMessages } from './messages.js';
import { ResendVerification } from './ResendVerification.js';
import { relayRefusal } from './relay-refusal.js';

type Verification = { readonly verified: true } | { readonly refused: RelayApiError };

async function verify(relayUrl: string, token: string): Promise<Verification> {
  try {
    await new RelayApi(relayUrl).verifyEmail(token);
    return { verified: true };
  } catch (error) {
    if (!(error instanceof RelayApiError)) throw error;
    return { refused: error };
  }
}

/** What the link in a verification mail opens (`#/verify-email?token=…`): it verifies the address at once and says so. */
export function VerifyEmailScreen() {
  const text = useText(accountMailMessages);
  const settings = useText(settingsMessages);
  const words = useText(wordMessages);
  const { account } = useSyncState();
  const [token] = useState(() => tokenOfLink(window.location.hash));
  const [relayUrl] = useState(() => relayOfLink(account?.relayUrl, window.location.origin));
  const [verification, setVerification] = useState<Verification>();
  // A link works once: the request is made once, however often the effect runs.
  const verifying = useRef<Promise<Verification>>(undefined);

  const registering = token !== undefined && finishesRegistration(token);

  useEffect(() => {
    if (token === undefined || finishesRegistration(token)) return;
    verifying.current ??= verify(relayUrl, token);
    let current = true;
    void verifying.current.then((found) => current && setVerification(found));
    return () => {
      current = false;
    };
  }, [relayUrl, token]);

  const [state, message] =
    token === undefined
      ? ['incomplete', text('linkIncomplete')]
      : verification === undefined
        ? ['verifying', text('verifying')]
        : 'verified' in verification
          ? ['verified', text('verified')]
          : verification.refused.code === 'link_invalid'
            ? ['link-invalid', text('verifyLinkInvalid')]
            : ['failed', relayRefusal(verification.refused, settings, words)];

  if (registering)
    return (
      <section
        className="screen"
        aria-labelledby="verify-email-title"
        data-testid="verify-email"
        data-state="finishing"
      >
        <h1 id="verify-email-title">{text('finishTitle')}</h1>
        <FinishRegistrationForm relayUrl={relayUrl} token={token} />
      </section>
    );
  return (
    <section className="screen" aria-labelledby="verify-email-title" data-testid="verify-email" data-state={state}>
      <h1 id="verify-email-title">{text('verifyTitle')}</h1>
      <div className="card">
        <p role="status" data-testid="verify-email-message">
          {message}
        </p>
        {state === 'link-invalid' && account !== undefined && !account.revoked && <ResendVerification />}
        {state !== 'verifying' && (
          <p>
            <a href="#/settings" data-testid="to-settings">
              {text('toSettings')}
            </a>
          </p>
        )}
      </div>
    </section>
  );
}
