import type { Accounts } from '../storage/accounts/accounts.js';
import { hashInvitationCode, newInvitationCode } from './invitation-codes.js';

export interface RelayInvitation {
  readonly email: string;
  readonly code: string;
  readonly expiresAt: number;
}

export interface InvitationRequest {
  readonly email: string;
  /** The admin who invites; null from the admin CLI. */
  readonly invitedBy: string | null;
  readonly ttlHours: number;
  readonly now: number;
}

/**
 * Invites an email to create an account on the relay (A2): a new single-use code, stored only
 * as its hash, replacing the email's unused one. Null when the email already has an account.
 */
export async function inviteToRelay(accounts: Accounts, request: InvitationRequest): Promise<RelayInvitation | null> {
  const code = newInvitationCode();
  const expiresAt = request.now + request.ttlHours * 60 * 60 * 1000;
  const created = await accounts.createInvitation({
    codeHash: hashInvitationCode(code),
    email: request.email,
    invitedBy: request.invitedBy,
    ledger: null,
    createdAt: request.now,
    expiresAt,
  });
  return created ? { email: request.email, code, expiresAt } : null;
}
