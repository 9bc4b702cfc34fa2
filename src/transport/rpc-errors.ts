/**
 * The two ways a request fails on the requesting side, as data: the other peer answered with an
 * error (`RpcError`, its wire code and data), or no answer can come (`ConnectionError`, with the
 * errno where there is one). The words of a wire error come from protocol/errors.ts.
 */

/** An error the other peer answered with, carried as data. */
export class RpcError extends Error {
  override name = 'RpcError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The connection failed or closed before an answer. `code` is the errno where there is one. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
