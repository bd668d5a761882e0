import { useEffect, useRef, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { RelayApiError } from '../../sync/index.js';
import { useSyncState, useTally } from '../../tally/index.js';
import { wordMessages } from '../../ui/index.js';
import { accountMailMessages } from './account-mail-messages.js';
import { emailChangeMessages } from './email-change-messages.js';
import { relayOfLink, tokenOfLink } from './mail-link.js';
import { settingsMessages } from './messages.js';
import { relayRefusal } from './relay-refusal.js';

type Change = { readonly email: string } | { readonly refused: RelayApiError };

/**
 * What the link mailed to a new address opens (`#/change-email?token=…`): it changes the
 * account's address at once and says so (relay SPEC M7).
 */
export function ChangeEmailScreen() {
  const text = useText(emailChangeMessages);
  const mailText = useText(accountMailMessages);
  const settings = useText(settingsMessages);
  const words = useText(wordMessages);
  const { sync } = useTally();
  const { account } = useSyncState();
  const [token] = useState(() => tokenOfLink(window.location.hash));
  const [relayUrl] = useState(() => relayOfLink(account?.relayUrl, window.location.origin));
  const [change, setChange] = useState<Change>();
  // A link works once: the request is made once, however often the effect runs.
  const changing = useRef<Promise<Change>>(undefined);

  useEffect(() => {
    if (token === undefined) return;
    changing.current ??= sync.confirmEmailChange(relayUrl, token).then(
      (email): Change => ({ email }),
      (error: unknown): Change => {
        if (error instanceof RelayApiError) return { refused: error };
        throw error;
      },
    );
    let current = true;
    void changing.current.then((found) => current && setChange(found));
    return () => {
      current = false;
    };
  }, [relayUrl, sync, token]);

  const [state, message] =
    token === undefined
      ? ['incomplete', mailText('linkIncomplete')]
      : change === undefined
        ? ['changing', text('confirming')]
        : 'email' in change
          ? ['changed', text('changed', { email: change.email })]
          : change.refused.code === 'link_invalid'
            ? ['link-invalid', text('linkInvalid')]
            : change.refused.code === 'email_taken'
              ? ['taken', text('taken')]
              : ['failed', relayRefusal(change.refused, settings, words)];

  return (
    <section className="screen" aria-labelledby="change-email-title" data-testid="change-email" data-state={state}>
      <h1 id="change-email-title">{text('confirmTitle')}</h1>
      <div className="card">
        <p role="status" data-testid="change-email-message">
          {message}
        </p>
        {state !== 'changing' && (
          <p>
            <a href="#/settings" data-testid="to-settings">
              {mailText('toSettings')}
            </a>
          </p>
        )}
      </div>
    </section>
  );
}
