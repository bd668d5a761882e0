/** Whether typed text looks like an email address; the relay checks it again. */
export function isEmailAddress(typed: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(typed.trim());
}
