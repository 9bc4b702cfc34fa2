/**
 * Errors as data. Every failure that crosses the wire is an ErrorCode plus structured data; the
 * words a human reads are made in one place, `describeError`, so the daemon, the CLI, the MCP
 * tools and the tests all say the same thing.
 */
import { ago, utcClock } from '../display/time.ts';
import { MAX_FRAME_BYTES, MAX_TEXT_BYTES } from './limits.ts';
import { inert } from './sanitize.ts';

export enum ErrorCode {
  // JSON-RPC 2.0 standard codes.
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  Internal = -32603,
  // session-bus codes.
  FrameTooLarge = -32001,
  InvalidUtf8 = -32002,
  TextTooLong = -32010,
  TextEmpty = -32011,
  LogWriteFailed = -32020,
  IncompatibleProtocol = -32030,
  /** Client-side: the daemon answers but lacks a method this client needs (an older build). */
  DaemonTooOld = -32031,
  ShuttingDown = -32040,
  UnknownRecipient = -32050,
  ClaimConflict = -32060,
  NotHolder = -32061,
  OutsideRepository = -32062,
}

export type ErrorData = Record<string, unknown>;

/** The wire shape of an error (JSON-RPC `error` member). */
export interface WireError {
  code: number;
  message: string;
  data?: ErrorData;
}

export function describeError(code: number, data: ErrorData = {}): string {
  switch (code) {
    case ErrorCode.ParseError:
      return `invalid JSON on the wire${data.detail ? `: ${String(data.detail)}` : ''}`;
    case ErrorCode.InvalidRequest:
      return `not a JSON-RPC 2.0 request${data.detail ? `: ${String(data.detail)}` : ''}`;
    case ErrorCode.MethodNotFound:
      return `unknown method ${JSON.stringify(data.method)}`;
    case ErrorCode.InvalidParams:
      return `invalid parameters for ${String(data.method)}: ${String(data.detail ?? 'wrong shape')}`;
    case ErrorCode.Internal:
      return `internal error in the session-bus daemon${data.detail ? `: ${String(data.detail)}` : ''}`;
    case ErrorCode.FrameTooLarge:
      return `frame of ${String(data.bytes)} bytes is over the ${MAX_FRAME_BYTES}-byte limit; closing the connection`;
    case ErrorCode.InvalidUtf8:
      return 'frame is not valid UTF-8';
    case ErrorCode.TextTooLong:
      return `message text is ${String(data.bytes)} bytes; the limit is ${MAX_TEXT_BYTES} bytes. Shorten it or point to a file instead`;
    case ErrorCode.TextEmpty:
      return 'message text is empty';
    case ErrorCode.LogWriteFailed:
      return `${data.method === undefined || data.method === 'broadcast' ? 'the message was not sent' : `${String(data.method)} was not done`}: the mailbox could not be written (${String(data.cause ?? 'I/O error')}) at ${String(data.path ?? 'the mailbox')}. Free disk space or fix permissions; reads keep working, and the bus recovers by itself once the mailbox can be written`;
    case ErrorCode.IncompatibleProtocol:
      return `the running session-bus daemon (version ${String(data.daemonVersion)}, protocol ${String(data.daemonProtocol)}) is newer than this client (version ${String(data.clientVersion)}, protocol ${String(data.clientProtocol)}). Update the session-bus plugin in this session, or stop the daemon with \`session-bus stop\``;
    case ErrorCode.DaemonTooOld:
      return `the running session-bus daemon (pid ${String(data.pid)}, version ${String(data.daemonVersion)}) predates ${String(data.feature)}. Restart it with \`session-bus restart\``;
    case ErrorCode.ShuttingDown:
      return 'the daemon is shutting down; retry';
    case ErrorCode.UnknownRecipient:
      return `unknown or ambiguous recipient ${inert(String(data.recipient), 'quoted')}; live peers: ${formatList(data.peers)}`;
    case ErrorCode.ClaimConflict:
      return `${shown(data.resource)} is held by ${inert(String(data.holder), 'label')}${data.host ? ` on ${inert(String(data.host), 'label')}` : ''} since ${since(data.since)}${data.note ? ` (${shown(data.note)})` : ''}`;
    case ErrorCode.NotHolder:
      return `${shown(data.resource)} is not held by this session`;
    case ErrorCode.OutsideRepository:
      return `${shown(data.resource)} is outside this repository (${shown(data.root)}): claim a path inside it, relative to its root or absolute, or a name such as port:1420`;
    default:
      return `error ${code}`;
  }
}

/** An ISO time as a reader takes it in: how long ago, and the clock time with its zone (`3m ago, 08:12 UTC`). */
function since(iso: unknown, now = Date.now()): string {
  const ts = Date.parse(String(iso));
  if (!Number.isFinite(ts)) return String(iso);
  return `${ago(now - ts)} (${utcClock(ts, false)} UTC)`;
}

function formatList(v: unknown): string {
  return Array.isArray(v) && v.length > 0 ? v.map((l) => inert(String(l), 'label')).join(', ') : 'none';
}

/** A value from a peer (resource, note) inside the words: inert, like everything shown; labels in their own form. */
function shown(v: unknown): string {
  return inert(String(v));
}

/** An error the daemon answers with; thrown by handlers, turned into a wire error by dispatch. */
export class BusError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly data: ErrorData = {},
  ) {
    super(describeError(code, data));
    this.name = 'BusError';
  }

  toWire(): WireError {
    return { code: this.code, message: this.message, data: this.data };
  }
}
