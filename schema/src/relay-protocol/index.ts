export { type CloseCode, closeCodes } from './close-codes.js';
export { type RelayErrorCode, relayErrorCodes } from './error-codes.js';
