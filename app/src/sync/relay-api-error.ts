import type { RelayErrorCode } from '@tally/schema';

/**
 * Why a relay request failed on this side of the wire: the relay could not be reached
 * (`network`), answered what Tally does not understand (`bad_reply`) or refused without a code
 * Tally knows (`http_error`), or this device is linked to no relay (`no_session`).
 */
export type DeviceErrorCode = 'network' | 'bad_reply' | 'http_error' | 'no_session';

export type RelayApiErrorCode = RelayErrorCode | DeviceErrorCode;

/** A relay refusal (`{error: {code, message}}`), or a failure to reach or understand the relay. */
export class RelayApiError extends Error {
  override readonly name = 'RelayApiError';
  constructor(
    readonly status: number,
    readonly code: RelayApiErrorCode,
    message: string,
  ) {
    super(message);
  }

  get unreachable(): boolean {
    return this.code === 'network';
  }
}
