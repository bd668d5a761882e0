import type { BookingActor } from '../storage/advisors/advisors.js';

/** A client who cancels at least this long before the session starts is refunded in full (PAY4). */
export const clientRefundNoticeMs = 24 * 3_600_000;

/**
 * Whether a confirmed, paid session cancelled by `by` at `at` is refunded in full (PAY4): always
 * when the advisor (or the relay) cancels it, when the client does only 24 h or more before it starts.
 */
export function refundDue(by: BookingActor['kind'], start: number, at: number): boolean {
  return by !== 'client' || start - at >= clientRefundNoticeMs;
}
