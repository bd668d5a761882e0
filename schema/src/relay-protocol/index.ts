export {
  type AdvisorSpecialty,
  advisorSpecialties,
  type BookingStatus,
  bookingStatuses,
  slotHoldingStatuses,
} from './advisors.js';
export { type CloseCode, closeCodes, closeReasons } from './close-codes.js';
export { type RelayErrorCode, relayErrorCodes } from './error-codes.js';
