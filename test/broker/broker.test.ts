import { describe, expect, it } from 'vitest';
import { decideClaim, endSessionClaims, expireClaims } from '../../src/daemon/claim-decisions.ts';
import { Broker, type PeekOptions, type Session } from '../../src/daemon/broker.ts';
import type { SessionIdentity } from '../../src/protocol/messages.ts';

const A: SessionIdentity = { sessionId: 'aaaa-1', pid: 100, label: 'main#aaaa1' };
const B: SessionIdentity = { sessionId: 'bbbb-2', pid: 200, label: 'feat#bbbb2' };
const C: SessionIdentity = { sessionId: 'cccc-3', pid: 300, label: 'fix#cccc3' };

function send(b: Broker, who: SessionIdentity, text: string, now = 1000, to?: string[]) {
  const r = b.stamp(who, 'note', text, now, to);
  b.apply([{ type: 'msg', ...r }]);
  return r;
}

/** The session a caller speaks for, recorded as the daemon's sessionFor does (minus the file). */
function sessionOf(b: Broker, who: SessionIdentity, now: number, backfillMinutes = 0): Session {
  const { session, entries } = b.resolve(who, now, backfillMinutes);
  b.apply(entries);
  const recorded = b.session(session.id)!;
  b.touch(recorded, who.pid, now);
  return recorded;
}

/** An acknowledgement, recorded and applied, as the `ack` method does. */
function ack(b: Broker, session: Session, upTo: number, now: number, how: Parameters<Broker['acked']>[3] = {}) {
  const moved = b.ackEntry(session, upTo, now);
  if (moved) b.apply([moved]);
  b.acked(session, upTo, now, how);
}

/** Peek and acknowledge at once, as the `drain` method does. */
function drain(b: Broker, who: SessionIdentity, now: number, options: PeekOptions & { backfillMinutes?: number } = {}) {
  const batch = b.peek(sessionOf(b, who, now, options.backfillMinutes), now, options);
  ack(b, batch.session, batch.upTo, now);
  return batch;
}

describe('Broker', () => {
  it('fans a message out to every other session, never to its sender', () => {
    const b = new Broker();
    sessionOf(b, A, 0);
    sessionOf(b, B, 0);
    sessionOf(b, C, 0);
    send(b, A, 'holding :1420');
    expect(drain(b, A, 1).messages).toEqual([]);
    expect(drain(b, B, 1).messages.map((m) => m.text)).toEqual(['holding :1420']);
    expect(drain(b, C, 1).messages.map((m) => m.text)).toEqual(['holding :1420']);
    // Drained means gone.
    expect(drain(b, B, 2).messages).toEqual([]);
  });

  it('first sight is forward-only; backfill shows that many minutes of backlog', () => {
    const b = new Broker();
    send(b, A, 'old', 0);
    send(b, A, 'recent', 9 * 60_000);
    expect(drain(b, B, 10 * 60_000).messages).toEqual([]);
    expect(drain(b, C, 10 * 60_000, { backfillMinutes: 5 }).messages.map((m) => m.text)).toEqual(['recent']);
  });

  it('keeps own messages own after /clear gives the same Claude process a new session id', () => {
    const b = new Broker();
    // Its MCP server is connected under the first id.
    b.connect(sessionOf(b, A, 0), 0);
    sessionOf(b, B, 0);
    send(b, A, 'from A before clear');
    const cleared = { ...A, sessionId: 'aaaa-new' };
    expect(drain(b, cleared, 1).messages).toEqual([]);
    send(b, B, 'from B');
    expect(drain(b, cleared, 2).messages.map((m) => m.text)).toEqual(['from B']);
    // The MCP server still sends under the old id: still own for the new id.
    send(b, A, 'from A after clear');
    expect(drain(b, cleared, 3).messages).toEqual([]);
    expect(b.sessionList()).toHaveLength(2);
  });

  it('stops at the character budget, always gives at least one, and moves the position only past what it gave', () => {
    const b = new Broker();
    sessionOf(b, B, 0);
    for (let i = 0; i < 5; i++) send(b, A, 'x'.repeat(100));
    const first = drain(b, B, 1, { maxChars: 400 });
    expect(first.messages).toHaveLength(2);
    expect(first.remaining).toBe(3);
    const second = drain(b, B, 2, { maxChars: 10 });
    expect(second.messages).toHaveLength(1);
    expect(second.remaining).toBe(2);
    expect(drain(b, B, 3).messages.map((m) => m.seq)).toEqual([4, 5]);
  });

  it('inbox shows recent messages from others without moving the position', () => {
    const b = new Broker();
    sessionOf(b, B, 0);
    send(b, A, 'one');
    send(b, B, 'mine');
    send(b, A, 'two');
    expect(b.inbox(sessionOf(b, B, 1), 10).map((m) => m.text)).toEqual(['one', 'two']);
    expect(b.inbox(sessionOf(b, B, 1), 1).map((m) => m.text)).toEqual(['two']);
    expect(drain(b, B, 2).messages.map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('delivers a direct message only to its recipients', () => {
    const b = new Broker();
    for (const s of [A, B, C]) sessionOf(b, s, 0);
    send(b, A, 'for B only', 1, [B.sessionId]);
    expect(drain(b, B, 2).messages).toHaveLength(1);
    expect(drain(b, C, 2).messages).toHaveLength(0);
  });

  it('seq never goes back: retention drops messages but not the counter', () => {
    const b = new Broker({ maxCount: 3, maxAgeMs: 1000 });
    for (let i = 0; i < 5; i++) send(b, A, `m${i}`, 10_000);
    expect(b.applyRetention(10_000)).toBe(2);
    expect(b.messageCount).toBe(3);
    expect(b.applyRetention(20_000)).toBe(3);
    const restored = new Broker();
    const snap = b.snapshot(20_000);
    restored.apply(snap);
    expect(restored.stamp(A, 'note', 'next', 20_001).seq).toBe(6);
  });

  it('a claim change is a decision until its entries are applied: one the mailbox refused leaves nothing to undo', () => {
    const b = new Broker();
    const taken = decideClaim(b, sessionOf(b, A, 1), A, 'port:1420', 1, 60_000, 'dev server');
    expect(taken.ok).toBe(true);
    expect(b.claims.list(1)).toEqual([]);
    b.apply(taken.entries);
    const held = [{ resource: 'port:1420', note: 'dev server', holder: sessionOf(b, A, 2).id }];
    expect(b.claims.list(2)).toMatchObject(held);
    const ended = endSessionClaims(b, sessionOf(b, A, 2), 2, 'session ended');
    expect(ended.ended.map((c) => c.resource)).toEqual(['port:1420']);
    // Not recorded (the append failed): still held, exactly as the mailbox says.
    expect(b.claims.list(3)).toMatchObject(held);
    expect(expireClaims(b, 60_002).ended.map((c) => c.resource)).toEqual(['port:1420']);
    b.apply(ended.entries);
    expect(b.claims.list(3)).toEqual([]);
  });

  it('the count limit holds during a burst, before any retention check', () => {
    const b = new Broker({ maxCount: 1000, maxAgeMs: 3600_000 });
    sessionOf(b, B, 0);
    for (let i = 0; i < 5000; i++) send(b, A, `m${i}`, 1);
    expect(b.messageCount).toBeLessThanOrEqual(1100);
    expect(b.messageCount).toBeGreaterThanOrEqual(1000);
    const got = drain(b, B, 2).messages.map((m) => m.text);
    expect(got.at(-1)).toBe('m4999');
    expect(got).toContain('m4000');
    expect(b.stamp(A, 'note', 'next', 3).seq).toBe(5001);
  });

  it('messages from one session share one origin and label in memory', () => {
    const b = new Broker();
    sessionOf(b, B, 0);
    send(b, A, 'one');
    send(b, A, 'two');
    const [m1, m2] = drain(b, B, 2).messages;
    expect(m1!.origin).toBe(m2!.origin);
    expect(m1!.origin).toEqual({ sessionId: A.sessionId, pid: A.pid });
  });

  it('counts a session\'s unread queue for status', () => {
    const b = new Broker();
    const session = sessionOf(b, B, 0);
    send(b, A, 'a');
    send(b, A, 'b');
    send(b, B, 'own');
    expect(b.statusOf(session).queueDepth).toBe(2);
  });
});

describe('peek and ack', () => {
  it('a peek moves nothing; only an ack moves the position, never past the last seq', () => {
    const b = new Broker();
    sessionOf(b, B, 0);
    send(b, A, 'one');
    const first = b.peek(sessionOf(b, B, 1), 1);
    expect(first.messages.map((m) => m.text)).toEqual(['one']);
    expect(b.peek(sessionOf(b, B, 2), 2).messages.map((m) => m.text)).toEqual(['one']);
    expect(b.ackEntry(first.session, 99, 3)).toMatchObject({ type: 'cursor', seq: 1 });
    ack(b, first.session, first.upTo, 3);
    expect(b.peek(sessionOf(b, B, 4), 4).messages).toEqual([]);
    expect(b.ackEntry(first.session, first.upTo, 5)).toBeUndefined();
  });

  it('a batch held by one receiver is handed to no other until acked, its holder lets go, or its lease ends', () => {
    const b = new Broker();
    sessionOf(b, B, 0);
    send(b, A, 'one');
    const held = b.peek(sessionOf(b, B, 1), 1, { lease: { owner: 7, ms: 1000 } });
    expect(held.messages).toHaveLength(1);
    expect(b.peek(sessionOf(b, B, 2), 2, { lease: { owner: 8, ms: 1000 } })).toMatchObject({ messages: [], busy: true, remaining: 1 });
    b.releaseLeases(7, [held.session]);
    expect(b.peek(sessionOf(b, B, 3), 3, { lease: { owner: 8, ms: 1000 } }).messages).toHaveLength(1);
    expect(b.peek(sessionOf(b, B, 1004), 1004).messages).toHaveLength(1);
    // The holder acknowledging nothing new lets go too (a push that could not be posted).
    b.peek(sessionOf(b, B, 2000), 2000, { lease: { owner: 9, ms: 1000 } });
    ack(b, held.session, held.cursor, 2001, { owner: 9 });
    expect(b.peek(sessionOf(b, B, 2002), 2002).busy).toBe(false);
  });
});
