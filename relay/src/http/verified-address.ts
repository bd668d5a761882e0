import type { RelayContext } from '../relay-context.js';
import { RelayError } from './error-catalogue.js';

/**
 * Refuses an account whose email address is not verified (M6). Only where the relay sends mail:
 * without it no address can be verified, so none is asked to be.
 */
export async function requireVerifiedAddress(context: RelayContext, userId: string): Promise<void> {
  if (!context.mail.enabled) return;
  if ((await context.storage.mail.verifiedAt(userId)) === null) throw new RelayError('email_unverified');
}
