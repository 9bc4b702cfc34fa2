/**
 * The transport contract, held by both implementations alike: the socket transport over a real
 * Unix socket pair, and the linked in-memory pair the in-process tests stand on. Frames arrive
 * whole and in order, bad lines arrive as data, what a reader leaves unread is the sender's
 * `unreadBytes`, `end` delivers what was sent before closing, `close` closes both ends.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../src/protocol/framing.ts';
import { linkedPair } from '../../src/transport/linked-pair.ts';
import { SocketTransport } from '../../src/transport/socket-transport.ts';
import type { ClientTransport } from '../../src/transport/transport.ts';

interface Ends {
  a: ClientTransport;
  b: ClientTransport;
  /** Stops and restarts b's reading. */
  pauseB(): void;
  resumeB(): void;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-transport-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function socketEnds(maxFrameBytes?: number): Promise<Ends> {
  const socketPath = path.join(dir, `${n++}.sock`);
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const client = net.createConnection(socketPath);
  await new Promise((resolve) => client.once('connect', resolve));
  const serverSide = await accepted;
  server.close();
  return { a: new SocketTransport(client), b: new SocketTransport(serverSide, { maxFrameBytes }), pauseB: () => serverSide.pause(), resumeB: () => serverSide.resume() };
}

async function linkedEnds(maxFrameBytes?: number): Promise<Ends> {
  const [a, b] = linkedPair(undefined, maxFrameBytes);
  return { a, b, pauseB: () => b.pause(), resumeB: () => b.resume() };
}

/** Starts both ends, collecting what b receives and when each end closes. */
function watch({ a, b }: Ends) {
  const got: Frame[] = [];
  let arrived: () => void = () => undefined;
  b.onmessage = (f) => {
    got.push(f);
    arrived();
  };
  const aClosed = new Promise((resolve) => (a.onclose = resolve));
  const bClosed = new Promise((resolve) => (b.onclose = resolve));
  a.start();
  b.start();
  const frames = (count: number) =>
    new Promise<Frame[]>((resolve) => {
      arrived = () => void (got.length >= count && resolve(got));
      arrived();
    });
  return { got, frames, aClosed, bClosed };
}

describe.each([
  ['socket transport', socketEnds],
  ['linked in-memory pair', linkedEnds],
])('transport contract: %s', (_name, make) => {
  it('frames arrive whole and in order; bad lines arrive as data', async () => {
    const ends = await make(64);
    const { frames } = watch(ends);
    ends.a.send({ n: 1, text: 'é' });
    ends.a.writeRaw('{"broken":\n' + 'x'.repeat(100) + '\n');
    ends.a.writeRaw(Buffer.from([0xc3, 0x28, 0x0a]));
    ends.a.send({ n: 2 });
    expect((await frames(5)).map((f) => (f.kind === 'message' ? f.value : f.kind))).toEqual([{ n: 1, text: 'é' }, 'invalid-json', 'oversize', 'invalid-utf8', { n: 2 }]);
    ends.a.close();
  });

  it('what the reader leaves unread is the sender\'s unreadBytes, judged at onflush; reading it empties it', async () => {
    const ends = await make();
    const { frames } = watch(ends);
    ends.pauseB();
    const big = 'y'.repeat(64 * 1024);
    // 1 MiB: more than a kernel's socket buffers hold, so some of it must wait in the sender.
    const flushed = new Promise<number>((resolve) => (ends.a.onflush = () => resolve(ends.a.unreadBytes)));
    for (let i = 0; i < 16; i++) ends.a.send({ i, big });
    expect(await flushed).toBeGreaterThan(0);
    ends.resumeB();
    await frames(16);
    // A socket learns that its last write completed a turn or so after the reader has it.
    while (ends.a.unreadBytes > 0) await new Promise((r) => setImmediate(r));
    expect(ends.a.unreadBytes).toBe(0);
    ends.a.close();
  });

  it('end delivers what was sent before it, then both ends close; the ender is closed at once', async () => {
    const ends = await make();
    const { frames, aClosed, bClosed } = watch(ends);
    ends.a.send({ last: 'word' });
    ends.a.end();
    expect(ends.a.closed).toBe(true);
    expect((await frames(1))[0]).toEqual({ kind: 'message', value: { last: 'word' } });
    await Promise.all([aClosed, bClosed]);
    expect(ends.b.closed).toBe(true);
  });

  it('close closes both ends; nothing is sent after it', async () => {
    const ends = await make();
    const { got, aClosed, bClosed } = watch(ends);
    ends.b.close();
    expect(ends.b.closed).toBe(true);
    await Promise.all([aClosed, bClosed]);
    expect(ends.a.closed).toBe(true);
    ends.a.send({ too: 'late' });
    expect(got).toEqual([]);
  });
});
