import { dictionary } from '@zxcvbn-ts/language-common';

export const minPasswordLength = 10;
const minDistinctCharacters = 5;

/**
 * Why a new password is refused (A3), or null when it is fine. Only new passwords are checked:
 * an account keeps signing in with the password it has.
 */
export type PasswordProblem = 'too_short' | 'too_simple' | 'common' | 'is_email';

let common: ReadonlySet<string> | undefined;

/**
 * The passwords of the zxcvbn common-passwords list (49,233, most used first; the well-known
 * 10,000 most common are its head) long enough to pass the length rule. Built on first use.
 */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].filter((password) => [...password].length >= minPasswordLength));
  return common;
}

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const characters = [...password.normalize('NFC')];
  if (characters.length < minPasswordLength) return 'too_short';
  if (new Set(characters).size < minDistinctCharacters || password.trim() === '') return 'too_simple';
  const folded = password.normalize('NFC').trim().toLowerCase();
  if (commonPasswords().has(folded)) return 'common';
  const address = email.trim().toLowerCase();
  if (folded === address || folded === address.split('@')[0]) return 'is_email';
  return null;
}

export const passwordProblemText: Record<PasswordProblem, string> = {
  too_short: `the password needs at least ${minPasswordLength} characters`,
  too_simple: `the password needs at least ${minDistinctCharacters} different characters`,
  common: 'the password is one of the most commonly used passwords',
  is_email: 'the password is the email address',
};
