/**
 * The tools array as the model should get it. Every character of it is paid in every request of
 * every session (Claude Code passes each tool's `inputSchema` on to the model as it is), so the
 * `tools/list` answer leaves out what tells the model nothing it can act on:
 * - `$schema` (the draft the SDK's zod conversion targets), once per tool;
 * - `execution` (task support; Claude Code drops it, other clients need not get it either);
 * - an empty `properties` of a tool without arguments;
 * - `type` beside an `enum` (the values say it), and `items` that are plain strings (an array's
 *   description says what goes in it: `to` names peers by label or id);
 * - bounds the server enforces anyway (`minimum`, `maximum`, `exclusiveMinimum`, `maxLength`):
 *   an argument out of bounds gets an error that names the bound.
 * Checked in the real `claude` binary: test/e2e/tools-in-claude.test.ts.
 */
import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

type Json = Record<string, unknown>;

const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength'];

function leanProperty(p: Json): Json {
  const out: Json = { ...p };
  if (Array.isArray(out.enum)) delete out.type;
  if (JSON.stringify(out.items) === '{"type":"string"}') delete out.items;
  for (const k of BOUNDS) delete out[k];
  return out;
}

export function leanSchema(schema: Json): Json {
  const { $schema: _draft, properties, ...rest } = schema;
  const props = (properties ?? {}) as Record<string, Json>;
  const names = Object.keys(props);
  if (names.length === 0) return rest;
  return { ...rest, properties: Object.fromEntries(names.map((n) => [n, leanProperty(props[n]!)])) };
}

export function leanTools(tools: Json[]): Json[] {
  return tools.map(({ execution: _execution, ...tool }) => (tool.inputSchema ? { ...tool, inputSchema: leanSchema(tool.inputSchema as Json) } : tool));
}

/**
 * `transport` with `tools/list` answers made lean on their way out, whatever it is (stdio in the
 * plugin, in-memory in tests): the server's own `send` is wrapped, nothing else changes.
 */
export function withLeanToolsList<T extends Transport>(transport: T): T {
  const send = transport.send.bind(transport);
  transport.send = (message: JSONRPCMessage, options?: TransportSendOptions) => {
    const result = (message as { result?: { tools?: unknown } }).result;
    if (result && Array.isArray(result.tools)) {
      return send({ ...message, result: { ...result, tools: leanTools(result.tools as Json[]) } } as JSONRPCMessage, options);
    }
    return send(message, options);
  };
  return transport;
}
