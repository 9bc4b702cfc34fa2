/**
 * The JSON-RPC peer, both sides in this process over a linked pair: a client peer asking, a
 * serving peer answering (rpc-serve.ts). Replies are matched by id however they come back,
 * notifications go both ways, a hang-up rejects what is waiting, and bad input is answered as
 * data and never answered back.
 */
import { describe, expect, it } from 'vitest';
import { BusError, ErrorCode } from '../../src/protocol/errors.ts';
import { linkedPair } from '../../src/transport/linked-pair.ts';
import { ConnectionError, RpcError } from '../../src/transport/rpc-errors.ts';
import { RpcPeer } from '../../src/transport/rpc-peer.ts';
import { serveRequests } from '../../src/transport/rpc-serve.ts';

/** A client peer and a serving peer whose `echo` answers only when the test lets it. */
function pair() {
  const [a, b] = linkedPair();
  const client = new RpcPeer(a);
  const server = new RpcPeer(b);
  const held = new Map<string, (v: unknown) => void>();
  serveRequests(server, (method, params) => {
    if (method === 'echo') return new Promise((resolve) => held.set(String((params as { tag: string }).tag), resolve));
    if (method === 'refuse') throw new BusError(ErrorCode.TextEmpty);
    if (method === 'crash') throw new Error('boom');
    throw new BusError(ErrorCode.MethodNotFound, { method });
  });
  /** Resolves once the server holds the request tagged `tag`. */
  const arrived = async (tag: string) => {
    while (!held.has(tag)) await new Promise((r) => setImmediate(r));
  };
  return { a, b, client, server, held, arrived };
}

describe('rpc peer', () => {
  it('pipelined requests are answered by id, in whatever order their handlers finish', async () => {
    const { client, held, arrived } = pair();
    const replies = ['1', '2', '3'].map((tag) => client.request('echo', { tag }));
    await arrived('3');
    held.get('3')!('third');
    held.get('1')!('first');
    held.get('2')!('second');
    expect(await Promise.all(replies)).toEqual(['first', 'second', 'third']);
  });

  it('a thrown BusError is the answer, as data with its code and words; anything else is an internal error', async () => {
    const { client } = pair();
    await expect(client.request('refuse', {})).rejects.toMatchObject({ name: 'RpcError', code: ErrorCode.TextEmpty, message: 'message text is empty' });
    const crash = await client.request('crash', {}).catch((e: RpcError) => e);
    expect(crash).toBeInstanceOf(RpcError);
    expect(crash).toMatchObject({ code: ErrorCode.Internal, data: { detail: 'boom' } });
    await expect(client.request('nope', {})).rejects.toMatchObject({ code: ErrorCode.MethodNotFound, message: 'unknown method "nope"' });
  });

  it('notifications go both ways and are never answered', async () => {
    const { client, server, a } = pair();
    const toServer = new Promise((resolve) => (server.onNotification = (method, params) => resolve({ method, params })));
    const toClient = new Promise((resolve) => (client.onNotification = (method, params) => resolve({ method, params })));
    client.notify('hello', { n: 1 });
    server.notify('wake', { seq: 7 });
    expect(await toServer).toEqual({ method: 'hello', params: { n: 1 } });
    expect(await toClient).toEqual({ method: 'wake', params: { seq: 7 } });
    expect(a.unreadBytes).toBe(0);
  });

  it('a hang-up rejects every request still waiting with ConnectionError, and later requests at once', async () => {
    const { client, server, arrived } = pair();
    const waiting = [client.request('echo', { tag: 'x' }), client.request('echo', { tag: 'y' })];
    await arrived('y');
    const closed = new Promise((resolve) => (client.onClose = resolve));
    server.close();
    for (const w of waiting) await expect(w).rejects.toBeInstanceOf(ConnectionError);
    expect(await closed).toBeInstanceOf(ConnectionError);
    expect(client.closed).toBe(true);
    await expect(client.request('echo', { tag: 'z' })).rejects.toBeInstanceOf(ConnectionError);
  });

  it('a request with no answer in time is rejected with ETIMEDOUT, and its late answer is dropped', async () => {
    const { client, held, arrived } = pair();
    await expect(client.request('echo', { tag: 'slow' }, 5)).rejects.toMatchObject({ name: 'ConnectionError', code: 'ETIMEDOUT', message: 'no answer to echo within 5 ms' });
    await arrived('slow');
    held.get('slow')!('too late');
    const next = client.request('echo', { tag: 'next' });
    await arrived('next');
    held.get('next')!('on time');
    expect(await next).toBe('on time');
  });

  it('bad input is answered with its error as data (id null) and reported; a reply is never answered', async () => {
    const { a, server } = pair();
    const seen: unknown[] = [];
    a.onmessage = (frame) => seen.push(frame.kind === 'message' ? frame.value : frame);
    const reported: Error[] = [];
    server.onError = (err) => reported.push(err);
    a.writeRaw('{"jsonrpc":"2.0",\n[1]\n{"jsonrpc":"2.0","id":5,"result":1}\n{"jsonrpc":"2.0","id":null,"error":{"code":1,"message":"x"}}\n');
    // The sentinel: a request after them, answered after every answer owed before it.
    a.send({ jsonrpc: '2.0', id: 'sentinel', method: 'refuse' });
    while (!seen.some((m) => (m as { id?: unknown }).id === 'sentinel')) await new Promise((r) => setImmediate(r));
    expect(seen.map((m) => (m as { error: { code: number } }).error.code)).toEqual([ErrorCode.ParseError, ErrorCode.InvalidRequest, ErrorCode.TextEmpty]);
    expect(seen.slice(0, 2).map((m) => (m as { id: unknown }).id)).toEqual([null, null]);
    expect(reported.map((e) => (e as BusError).code)).toEqual([ErrorCode.ParseError, ErrorCode.InvalidRequest]);
  });
});
