/** A relay refusal (`{error: {code, message}}`), or `network` when the relay could not be reached. */
export class RelayApiError extends Error {
  override readonly name = 'RelayApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  get unreachable(): boolean {
    return this.code === 'network';
  }
}
