/**
 * A local stand-in for the Anthropic Messages API, enough for the real `claude` binary to run
 * headless: POST /v1/messages (streaming SSE or JSON), anything else answered harmlessly. It
 * records every request so a test can assert what context reached the model, and a script
 * decides each reply: text, or a tool_use of one of the request's tools.
 */
import * as http from 'node:http';

/**
 * A reply, optionally held back until `after` settles (an event the test makes: the model is
 * busy until then) and then `delayMs` more.
 */
export type Reply = ({ text: string } | { tool: string; input: Record<string, unknown> }) & { delayMs?: number; after?: Promise<unknown> };

export interface MessagesRequest {
  model?: string;
  system?: unknown;
  messages: { role: string; content: unknown }[];
  tools?: { name: string }[];
  stream?: boolean;
}

/** Everything a request shows the model, flattened to one string. */
export function allText(req: MessagesRequest): string {
  return JSON.stringify([req.system ?? '', req.messages]);
}

/** The newest user turn's text (tool results and system reminders included). */
export function lastUserText(req: MessagesRequest): string {
  const last = [...req.messages].reverse().find((m) => m.role === 'user');
  return last ? JSON.stringify(last.content) : '';
}

/** Does the newest user turn carry a tool_result (the model's tool call came back)? */
export function hasToolResult(req: MessagesRequest): boolean {
  const last = req.messages[req.messages.length - 1];
  return Array.isArray(last?.content) && (last.content as { type?: string }[]).some((b) => b.type === 'tool_result');
}

export class FakeAnthropic {
  readonly requests: MessagesRequest[] = [];
  private server: http.Server;
  private ids = 0;
  url = '';
  /** Decides each /v1/messages reply. Default: a plain text answer. */
  script: (req: MessagesRequest) => Reply = () => ({ text: 'ok' });

  constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    const addr = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  /** Requests from the main conversation (they carry tools), not side calls such as titles. */
  get turns(): MessagesRequest[] {
    return this.requests.filter((r) => (r.tools?.length ?? 0) > 0);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const url = req.url ?? '';
      if (req.method === 'POST' && url.startsWith('/v1/messages/count_tokens')) {
        return json(res, { input_tokens: Math.ceil(body.length / 4) });
      }
      if (req.method === 'POST' && url.startsWith('/v1/messages')) {
        let parsed: MessagesRequest;
        try {
          parsed = JSON.parse(body) as MessagesRequest;
        } catch {
          return json(res, { type: 'error', error: { type: 'invalid_request_error', message: 'bad json' } }, 400);
        }
        this.requests.push(parsed);
        let reply: Reply;
        try {
          reply = this.script(parsed);
        } catch {
          reply = { text: 'ok' };
        }
        const answer = () => (parsed.stream ? this.stream(res, parsed, reply) : json(res, this.message(parsed, reply)));
        const delayed = () => (reply.delayMs ? setTimeout(answer, reply.delayMs) : answer());
        if (reply.after) reply.after.then(delayed, delayed);
        else delayed();
        return;
      }
      // Anything else the client probes (HEAD /, metrics, settings): harmless and empty.
      if (req.method === 'HEAD') {
        res.writeHead(200).end();
        return;
      }
      json(res, {});
    });
  }

  private message(req: MessagesRequest, reply: Reply) {
    const id = `msg_${++this.ids}`;
    const content = 'text' in reply ? [{ type: 'text', text: reply.text }] : [{ type: 'tool_use', id: `toolu_${this.ids}`, name: reply.tool, input: reply.input }];
    return {
      id,
      type: 'message',
      role: 'assistant',
      model: req.model ?? 'claude-test',
      content,
      stop_reason: 'text' in reply ? 'end_turn' : 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5 },
    };
  }

  private stream(res: http.ServerResponse, req: MessagesRequest, reply: Reply): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
    const msg = this.message(req, reply);
    send('message_start', { message: { ...msg, content: [], stop_reason: null, usage: { input_tokens: 10, output_tokens: 1 } } });
    if ('text' in reply) {
      send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: reply.text } });
    } else {
      const block = msg.content[0] as { id: string };
      send('content_block_start', { index: 0, content_block: { type: 'tool_use', id: block.id, name: reply.tool, input: {} } });
      send('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify(reply.input) } });
    }
    send('content_block_stop', { index: 0 });
    send('message_delta', { delta: { stop_reason: msg.stop_reason, stop_sequence: null }, usage: { output_tokens: 5 } });
    send('message_stop', {});
    res.end();
  }
}

function json(res: http.ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}
