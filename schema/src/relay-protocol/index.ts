export { type CloseCode, closeCodes, closeReasons } from './close-codes.js';
export { type RelayErrorCode, relayErrorCodes } from './error-codes.js';
