import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function idInAddress(): string | undefined {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('id') ?? undefined;
}

/** The id the screen's address names, `#/advisors?id=…`, followed as the address changes; undefined for none. */
export function useIdInAddress(): string | undefined {
  return useSyncExternalStore(subscribe, idInAddress);
}

/** A fresh id made on this device (a chat message's, a booking request's idempotency key). */
export function deviceMadeId(): string {
  return crypto.randomUUID();
}
