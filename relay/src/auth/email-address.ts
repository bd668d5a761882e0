/** Emails are compared as written, less surrounding spaces and case: `Alice@Example.com` is alice@example.com. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
