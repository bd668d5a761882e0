import type { RelayContext } from '../relay-context.js';
import type { DocRole } from '../storage/accounts/accounts.js';
import { RelayError } from './error-catalogue.js';

/** A ledger id in a route's path: what the relay's own ids look like. */
export const docIdSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;

/** The params of a route under `/api/ledgers/:docId`. */
export const ledgerParams = {
  type: 'object',
  additionalProperties: false,
  required: ['docId'],
  properties: { docId: docIdSchema },
} as const;

export const roleSchema = { type: 'string', enum: ['owner', 'editor', 'viewer'] } as const;

/**
 * The caller's role in the ledger, from the relay's records (L2). A ledger the caller is not a
 * member of is `not_found`, whether or not it exists, so its existence is not told (L6).
 */
export async function memberRole(context: RelayContext, userId: string, docId: string): Promise<DocRole> {
  const role = await context.storage.accounts.docRole(userId, docId);
  if (role === null) throw new RelayError('not_found');
  return role;
}

/** Only the ledger's owners may do this (L4); other members are refused with `forbidden`. */
export async function requireOwner(context: RelayContext, userId: string, docId: string): Promise<void> {
  if ((await memberRole(context, userId, docId)) !== 'owner') throw new RelayError('forbidden');
}
