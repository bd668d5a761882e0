/** The token a link in a mail carries (`#/verify-email?token=…`), or undefined when it has none. */
export function tokenOfLink(hash: string): string | undefined {
  const query = hash.split('?')[1] ?? '';
  const token = new URLSearchParams(query).get('token');
  return token === null || token === '' ? undefined : token;
}

/**
 * The relay a link in a mail belongs to: the one this device is signed in to, else the address
 * the link opened, which is the relay's `PUBLIC_URL` where it serves Tally.
 */
export function relayOfLink(signedInRelay: string | undefined, origin: string): string {
  return signedInRelay ?? origin;
}

/**
 * Whether a link's token finishes an open registration (relay SPEC A5): that token is the
 * registration itself, sealed (a compact JWE, in dot-separated parts); a verification token is one part.
 */
export function finishesRegistration(token: string): boolean {
  return token.includes('.');
}
