/**
 * The slow-consumer rule (transport/backlog-guard.ts) through the in-process daemon, with a
 * 4 KiB cap and a 20 ms wait injected so nothing waits the real 5 s: a client that stops
 * reading is dropped with a log line and never holds anyone else up; one that reads a big
 * answer in time is kept. Clients stop reading by pausing their end of the linked pair.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError } from '../../src/transport/rpc-errors.ts';
import { startInProcess, type InProcessDaemon } from '../support/in-process.ts';

const CAP = 4096;
const SLOW_MS = 20;
const A = { sessionId: 'sender', pid: 201, label: 'main#sender' };
const B = { sessionId: 'reader', pid: 202, label: 'main#reader' };
const SLOW = 'slow consumer: unread backlog over the cap; connection dropped';

let d: InProcessDaemon;
afterEach(() => d?.close());

/** A daemon whose session B has an inbox answer well over the cap waiting (6 messages of 1,000 characters). */
async function withBigInbox(slowConsumerMs = SLOW_MS) {
  d = startInProcess({ backlog: { capBytes: CAP, slowConsumerMs } });
  const sender = d.connect();
  await sender.client.request('register', B);
  for (let i = 0; i < 6; i++) await sender.client.request('broadcast', { ...A, text: `${i} ${'x'.repeat(1000)}` });
  return sender;
}

const slowLines = () => d.logs.filter((l) => l.level === 'warn' && l.msg === SLOW);

describe('slow consumers', () => {
  it('a client that leaves an answer over the cap unread for the slow-consumer time is dropped, with a log line', async () => {
    await withBigInbox();
    const stalled = d.connect();
    stalled.end.pause();
    const started = Date.now();
    const answer = stalled.client.request('inbox', { ...B, limit: 500 });
    expect(await stalled.closed).toBeInstanceOf(ConnectionError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 1);
    await expect(answer).rejects.toBeInstanceOf(ConnectionError);
    expect(slowLines()).toHaveLength(1);
    expect(slowLines()[0]!.obj.backlog).toBeGreaterThan(CAP);
  });

  it('a client with the cap already unread that is sent more is dropped at once, without the wait', async () => {
    // A wait far longer than the test may take: only the at-once rule can drop this client.
    const sender = await withBigInbox(60_000);
    const flooder = d.connect();
    flooder.end.pause();
    const answers = [1, 2, 3].map(() => flooder.client.request('inbox', { ...B, limit: 500 }).catch((e: Error) => e));
    await flooder.closed;
    for (const a of await Promise.all(answers)) expect(a).toBeInstanceOf(ConnectionError);
    expect(slowLines()).toHaveLength(1);
    expect((await sender.client.request('broadcast', { ...A, text: 'others carry on' })).seq).toBe(7);
  });

  it('a client that reads an answer over the cap in time is kept (a stalled client dropped after it proves the wait passed)', async () => {
    await withBigInbox();
    const reader = d.connect();
    expect((await reader.client.request('inbox', { ...B, limit: 500 })).messages).toHaveLength(6);
    // The sentinel: a stalled client's wait starts after the reader's, and lasts as long.
    const stalled = d.connect();
    stalled.end.pause();
    void stalled.client.request('inbox', { ...B, limit: 500 }).catch(() => undefined);
    await stalled.closed;
    expect(reader.client.closed).toBe(false);
    expect(slowLines()).toHaveLength(1);
    expect((await reader.client.request('status', {})).lastSeq).toBe(6);
  });

  it('a watcher that stops reading is dropped like any slow consumer; the sender is not held up', async () => {
    d = startInProcess({ backlog: { capBytes: CAP, slowConsumerMs: 60_000 } });
    const sender = d.connect();
    const watcher = d.connect();
    await watcher.client.request('subscribe', {});
    watcher.end.pause();
    for (let i = 0; i < 8; i++) await sender.client.request('broadcast', { ...A, text: `${i} ${'y'.repeat(1000)}` });
    await watcher.closed;
    await d.connections(1);
    expect(slowLines()).toHaveLength(1);
    expect((await sender.client.request('status', {})).lastSeq).toBe(8);
  });
});
