import { useEffect, useState } from 'react';
import { type Tally, useSyncState, useTally } from '../../tally/index.js';

/** Whether the signed-in account is an advisor, as the relay says; `unknown` until it has. */
export type AdvisorRole = 'advisor' | 'client' | 'unknown';

/** The role asked of the relay, once per running Tally until an answer that was one. */
const asked = new WeakMap<Tally, Promise<AdvisorRole>>();

function roleOf(tally: Tally): Promise<AdvisorRole> {
  const known = asked.get(tally);
  if (known) return known;
  const asking = import('./ask-role.js')
    .then(({ askRole }) => askRole(tally))
    .catch((): AdvisorRole => 'unknown')
    .then((role) => {
      if (role === 'unknown') asked.delete(tally);
      return role;
    });
  asked.set(tally, asking);
  return asking;
}

/** The signed-in account's role; asked once per account and start, again after an answer that was not one. */
export function useAdvisorRole(): AdvisorRole {
  const tally = useTally();
  const { account } = useSyncState();
  const signedIn = account !== undefined && !account.revoked;
  const [role, setRole] = useState<AdvisorRole>('unknown');
  useEffect(() => {
    if (!signedIn) {
      setRole('unknown');
      return;
    }
    let current = true;
    void roleOf(tally).then((answer) => {
      if (current) setRole(answer);
    });
    return () => {
      current = false;
    };
  }, [tally, signedIn]);
  return role;
}
