import { useText } from '../../i18n/index.js';
import { advisorMessages } from './messages.js';

/** What an advisors' screen says on a device that is not signed in to a relay. */
export function SignInFirst() {
  const text = useText(advisorMessages);
  return (
    <p className="hint" data-testid="advisors-sign-in">
      {text('signInFirst')}{' '}
      <a className="link" href="#/settings">
        {text('toSettings')}
      </a>
    </p>
  );
}
