/**
 * Who has an events socket open on any relay (N5, N6): each relay marks the accounts it holds
 * sockets of as present until a time it keeps pushing forward, so a relay that stops without a
 * word is forgotten once its marks run out. Every call may fail (Redis away): callers then judge
 * by their own relay's sockets alone.
 */
export interface SharedPresence {
  /** Marks the accounts present on this relay for `forMs` from `now` (ms since the epoch). */
  markPresent(userIds: readonly string[], now: number, forMs: number): Promise<void>;
  /** The account has no events socket on this relay any more. */
  markAbsent(userId: string): Promise<void>;
  /** Whether some relay marked the account present until after `now`. */
  isPresent(userId: string, now: number): Promise<boolean>;
}
