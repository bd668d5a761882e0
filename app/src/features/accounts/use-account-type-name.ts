import type { AccountType } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import { wordMessages } from '../../ui/index.js';
import { accountMessages } from './messages.js';

/** Each kind of account in the person's language; cash in the words the first run names its account with. */
export function useAccountTypeName(): (type: AccountType) => string {
  const text = useText(accountMessages);
  const shared = useText(wordMessages);
  return (type) => (type === 'cash' ? shared('cash') : text(`type.${type}`));
}
