/**
 * The JSON-RPC 2.0 envelope as this wire uses it, decided in one place for both sides: what one
 * frame is — a request, a notification, a reply, or bad input with the error code that answers
 * it. Replies are told apart by carrying `result` or `error` and no `method`; they are never
 * answered, so two peers can never answer each other's errors forever.
 */
import { ErrorCode, type ErrorData, type WireError } from './errors.ts';
import type { Frame } from './framing.ts';

/** A request's id. `null` where the request's own id could not be read (its error reply carries it). */
export type RequestId = string | number | null;

export type Incoming =
  | { kind: 'request'; id: RequestId; method: string; params: unknown }
  | { kind: 'notification'; method: string; params: unknown }
  | { kind: 'reply'; id: unknown; result?: unknown; error?: WireError }
  | { kind: 'invalid'; id: RequestId; code: ErrorCode; data?: ErrorData };

export function readMessage(frame: Frame): Incoming {
  if (frame.kind === 'oversize') return invalid(null, ErrorCode.FrameTooLarge, { bytes: frame.bytes });
  if (frame.kind === 'invalid-utf8') return invalid(null, ErrorCode.InvalidUtf8);
  if (frame.kind === 'invalid-json') return invalid(null, ErrorCode.ParseError, { detail: frame.detail });
  const value = frame.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(null, ErrorCode.InvalidRequest, { detail: 'expected a JSON object' });
  const msg = value as { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown; result?: unknown; error?: WireError };
  if (msg.method === undefined && ('result' in msg || 'error' in msg)) return { kind: 'reply', id: msg.id, result: msg.result, error: msg.error };
  const id: RequestId = typeof msg.id === 'string' || typeof msg.id === 'number' ? msg.id : null;
  if (msg.jsonrpc !== '2.0' || typeof msg.method !== 'string' || (msg.id !== undefined && msg.id !== null && id === null)) {
    return invalid(id, ErrorCode.InvalidRequest, { detail: 'needs jsonrpc "2.0", a string method and a string or number id' });
  }
  if (msg.id === undefined) return { kind: 'notification', method: msg.method, params: msg.params };
  return { kind: 'request', id, method: msg.method, params: msg.params };
}

function invalid(id: RequestId, code: ErrorCode, data?: ErrorData): Incoming {
  return { kind: 'invalid', id, code, data };
}
