import type { Text } from '../../i18n/index.js';
import type { RelayApiError } from '../../sync/index.js';
import type { wordMessages } from '../../ui/index.js';
import type { settingsMessages } from './messages.js';

const EXPLAINED = [
  'invalid_credentials',
  'email_taken',
  'rate_limited',
  'origin_not_allowed',
  'invalid_refresh_token',
  'invitation_required',
  'invitation_invalid',
  'registration_closed',
  'weak_password',
  'account_disabled',
  'link_invalid',
  'mail_off',
] as const;

/** What a relay refusal means for the person, in their language; the relay's own words for anything unforeseen. */
export function relayRefusal(
  error: RelayApiError,
  text: Text<keyof (typeof settingsMessages)['en']>,
  words: Text<keyof (typeof wordMessages)['en']>,
): string {
  if (error.unreachable) return words('relayUnreachable');
  const code = EXPLAINED.find((known) => known === error.code);
  return code ? text(`relay.${code}`) : words('relayRefused', { reason: error.message });
}
