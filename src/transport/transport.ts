/**
 * The transport contract (after the MCP SDK's): a transport moves whole frames between two
 * peers and knows nothing of JSON-RPC. Two implementations: the socket (socket-transport.ts)
 * and a linked in-memory pair for tests (linked-pair.ts). Backpressure is part of the contract
 * (`unreadBytes`, `onflush`) so the slow-consumer rule (backlog-guard.ts) works over either.
 */
import type { Frame } from '../protocol/framing.ts';

/** A failure of the connection itself (a reset, a broken pipe): `code` is the errno when there is one. */
export interface TransportFailure extends Error {
  code?: string;
}

export interface Transport {
  /** Starts delivering what arrives to `onmessage`; set the callbacks first. */
  start(): void;
  /** Frames one message and hands it on. Nothing happens once the transport is closed. */
  send(message: unknown): void;
  /** Closes once what was sent has been handed on (the last word before hanging up). */
  end(): void;
  /** Closes now; what the other side has not read yet may be lost. */
  close(): void;
  /** True from `end()`, `close()` or the other side going away: nothing sent arrives any more. */
  readonly closed: boolean;
  /** Bytes sent that the other side has not read yet: what a reader that stopped reading leaves. */
  readonly unreadBytes: number;
  /**
   * Every frame that arrives, bad ones included (invalid JSON, invalid UTF-8, over the frame
   * limit): the peer decides how to answer them. Frames stop once the transport is closed.
   */
  onmessage?: (frame: Frame) => void;
  /** Once, when the connection is gone; with the failure that ended it, if one did. */
  onclose?: (failure?: TransportFailure) => void;
  /** A failure on the way (a reset, a dropped slow reader); `onclose` follows. */
  onerror?: (error: Error) => void;
  /** After the frames sent in one turn of the event loop were handed on: when `unreadBytes` is worth judging. */
  onflush?: () => void;
}

/** What a client's end offers beyond the contract. */
export interface ClientTransport extends Transport {
  /** Writes bytes as they are: for tests that speak bad frames. */
  writeRaw(data: string | Buffer): void;
  /** Lets the process exit while this connection stays open. */
  unref(): void;
}
