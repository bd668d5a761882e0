/** The id a screen's address names, `#/advisors?id=…`, or undefined. */
export function idInAddress(): string | undefined {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('id') ?? undefined;
}

/** A fresh id made on this device (a chat message's, a booking request's idempotency key). */
export function deviceMadeId(): string {
  return crypto.randomUUID();
}
