import { type Text, useText } from '../i18n/index.js';
import { refusalMessages } from './messages.js';
import { isRefusal, type Refusal } from './refusal.js';

/** A refusal in the words of one language, with the values it names. */
export function refusalText(text: Text<keyof (typeof refusalMessages)['en']>, refusal: Refusal): string {
  return refusal.code === 'money.too-many-decimals'
    ? text.count(refusal.code, Number(refusal.values.digits), refusal.values)
    : text(refusal.code, refusal.values);
}

/** Words a refusal in the person's language. */
export function useRefusalText(): (refusal: Refusal) => string {
  const text = useText(refusalMessages);
  return (refusal) => refusalText(text, refusal);
}

/**
 * Words a form's issue: one of the form's own codes in its own catalogue (`own`), or a refusal in
 * the refusal words, so every form says a refusal the same way.
 */
export function useIssueText<Code extends string>(
  own: (code: Code) => string,
): (issue: Code | Refusal | undefined) => string | undefined {
  const refusal = useRefusalText();
  return (issue) => (issue === undefined ? undefined : isRefusal(issue) ? refusal(issue) : own(issue));
}
