/**
 * The answering side of an RpcPeer (the daemon's; a client answers nothing): each request is
 * handed to the handler as it arrives, so handlers start in arrival order, and answered when
 * it finishes — its result, or the BusError it threw (anything else is an internal error).
 * Bad input gets its error as data; a line over the frame limit also ends the connection.
 */
import { BusError, ErrorCode } from '../protocol/errors.ts';
import type { RpcPeer } from './rpc-peer.ts';

/** Answers one request: a result, a promise of one, or a thrown BusError. */
export type RequestHandler = (method: string, params: unknown) => unknown;

export function serveRequests(peer: RpcPeer, handle: RequestHandler): void {
  peer.onIncoming = (msg) => {
    if (msg.kind === 'request') {
      const { id } = msg;
      run(handle, msg.method, msg.params).then(
        (result) => peer.reply(id, { result }),
        (err: unknown) => peer.reply(id, { error: asBusError(err).toWire() }),
      );
      return;
    }
    const err = new BusError(msg.code, msg.data);
    peer.reply(msg.id, { error: err.toWire() });
    peer.onError?.(err);
    // A line that long is abuse or a broken sender, not a request: answered once, then hung up on.
    if (msg.code === ErrorCode.FrameTooLarge) peer.end();
  };
}

/** Runs the handler now; whatever it throws becomes the rejection. */
async function run(handle: RequestHandler, method: string, params: unknown): Promise<unknown> {
  return handle(method, params);
}

function asBusError(err: unknown): BusError {
  return err instanceof BusError ? err : new BusError(ErrorCode.Internal, { detail: err instanceof Error ? err.message : String(err) });
}
