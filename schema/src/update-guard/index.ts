export { checkLedgerUpdate } from './update-guard.js';
export {
  closeCodeOf,
  closeReasonOf,
  refusalInCloseReason,
  UPDATE_REFUSAL_REASONS,
  type UpdateAccepted,
  type UpdateIncomplete,
  type UpdateRefusalReason,
  type UpdateRefused,
  type UpdateVerdict,
} from './update-verdict.js';
