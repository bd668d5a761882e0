/**
 * Browsers always send `Origin` on a WebSocket upgrade; other clients may not, and could forge
 * it anyway, so a missing one is allowed. A present one must be this relay's own origin or listed.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
