import type { AdvisorProfile } from '../storage/advisors/advisors.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import { freeSlots, type Slot } from './free-slots.js';

/**
 * The advisor's slots starting in [from, to) from now on (D2): none while they take no new
 * clients; with `freeOnly`, less those a booking holds (what the directory offers), without it
 * every slot of their hours (what a request may name, so a held one is told `slot_taken`).
 */
export async function advisorSlots(
  storage: RelayStorage,
  profile: AdvisorProfile,
  range: { readonly from: number; readonly to: number; readonly now: number },
  freeOnly: boolean,
): Promise<Slot[]> {
  if (!profile.acceptingClients) return [];
  return freeSlots({
    availability: await storage.advisors.availabilityOf(profile.userId),
    timeZone: profile.timeZone,
    sessionMinutes: profile.sessionMinutes,
    from: range.from,
    to: range.to,
    notBefore: range.now,
    held: freeOnly ? await storage.advisors.heldSlots(profile.userId, range.from) : [],
  });
}
