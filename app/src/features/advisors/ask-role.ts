import { advisorApi, RelayApiError } from '../../sync/index.js';
import type { Tally } from '../../tally/index.js';
import type { AdvisorRole } from './advisor-role.js';

/**
 * The relay's word on the account's role: an advisor has a profile (or `unpublished`); anyone else
 * is refused. Loaded only once a device is signed in, so the relay's advisor calls stay out of the
 * first visit's JavaScript.
 */
export async function askRole(tally: Tally): Promise<AdvisorRole> {
  try {
    await tally.sync.relayCall((api, token) => advisorApi.ownProfile(api, token));
    return 'advisor';
  } catch (error) {
    if (error instanceof RelayApiError && (error.status === 403 || error.code === 'forbidden')) return 'client';
    return 'unknown';
  }
}
