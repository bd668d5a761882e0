/**
 * What an advisor may say they help with: a fixed list, so the directory filters by it and every
 * device shows each in the person's language.
 */
export const advisorSpecialties = [
  'budgeting',
  'debt',
  'saving',
  'investing',
  'retirement',
  'taxes',
  'household',
  'small_business',
] as const;

export type AdvisorSpecialty = (typeof advisorSpecialties)[number];

/**
 * Where a booking is in its life (issue 15). `requested` and `accepted`, `awaiting_payment` and
 * `confirmed` hold the slot; the rest are over.
 */
export const bookingStatuses = [
  'requested',
  'accepted',
  'awaiting_payment',
  'confirmed',
  'declined',
  'expired',
  'cancelled',
  'completed',
  'no_show',
] as const;

export type BookingStatus = (typeof bookingStatuses)[number];

/** The statuses in which a booking holds its slot: no other request can take it. */
export const slotHoldingStatuses: readonly BookingStatus[] = ['requested', 'accepted', 'awaiting_payment', 'confirmed'];
