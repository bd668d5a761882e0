import type { Text } from '../../i18n/index.js';
import { RelayApiError } from '../../sync/index.js';
import type { wordMessages } from '../../ui/index.js';
import type { settingsMessages } from './messages.js';
import { relayRefusal } from './relay-refusal.js';

/**
 * A relay form's `refused` step (`sendForm`): a relay refusal, or the relay out of reach, as the
 * form's own issue in the person's language; anything else is not a refusal.
 */
export function relayFormRefusal(
  text: Text<keyof (typeof settingsMessages)['en']>,
  words: Text<keyof (typeof wordMessages)['en']>,
): (error: unknown) => { form: string } | undefined {
  return (error) => (error instanceof RelayApiError ? { form: relayRefusal(error, text, words) } : undefined);
}
