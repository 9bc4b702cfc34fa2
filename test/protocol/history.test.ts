import { describe, expect, it } from 'vitest';
import { matchesFilter, matchesSender, selectHistory } from '../../src/protocol/history.ts';
import type { MessageKind, MessageRecord } from '../../src/protocol/messages.ts';

const msg = (seq: number, from: string, text: string, kind: MessageKind = 'note', ts = seq * 1000): MessageRecord => ({
  seq,
  ts,
  origin: { sessionId: from.startsWith('human:') ? from : `${from.split('#')[1] ?? from}-uuid`, pid: 1 },
  from,
  kind,
  text,
});

const feed = [
  msg(1, 'main#aaaa11', 'holding :1420', 'lock'),
  msg(2, 'feat-login#bbbb22', 'pushed feat-login, safe to Rebase', 'handoff'),
  msg(3, 'human:alice', 'lunch'),
  msg(4, 'main#aaaa11', 'released :1420', 'unlock'),
  msg(5, 'main#cccc33', 'tests green on main'),
];
const seqs = (r: { messages: MessageRecord[] }) => r.messages.map((m) => m.seq);

describe('history: which sender a --from names', () => {
  it('matches the label, its branch, its short id (with or without #), the session id, or "human"', () => {
    const m = feed[1]!;
    for (const t of ['feat-login#bbbb22', 'feat-login', 'bbbb22', '#bbbb22', 'bbbb22-uuid', 'FEAT-LOGIN']) expect(matchesSender(m, t)).toBe(true);
    for (const t of ['feat', 'bbbb2', 'login', 'human', '', '  ']) expect(matchesSender(m, t)).toBe(false);
    expect(matchesSender(feed[2]!, 'human')).toBe(true);
    expect(matchesSender(feed[2]!, 'human:alice')).toBe(true);
    expect(matchesSender(feed[2]!, 'alice')).toBe(false);
  });
});

describe('history: filters', () => {
  it('since, from (any of), kinds (any of) and grep (case-insensitive substring, never a regex) all apply', () => {
    const pick = (q: Parameters<typeof matchesFilter>[1]) => feed.filter((m) => matchesFilter(m, q)).map((m) => m.seq);
    expect(pick({})).toEqual([1, 2, 3, 4, 5]);
    expect(pick({ sinceTs: 3000 })).toEqual([3, 4, 5]);
    expect(pick({ from: ['main'] })).toEqual([1, 4, 5]);
    expect(pick({ from: ['aaaa11', 'human'] })).toEqual([1, 3, 4]);
    expect(pick({ kinds: ['lock', 'unlock'] })).toEqual([1, 4]);
    expect(pick({ grep: 'rebase' })).toEqual([2]);
    expect(pick({ grep: ':1420', from: ['main'], kinds: ['unlock'], sinceTs: 2000 })).toEqual([4]);
    expect(pick({ grep: '(a+)+$' })).toEqual([]);
  });
});

describe('history: the window', () => {
  it('returns the newest matches oldest first, with more when older ones were left out', () => {
    expect(selectHistory(feed, {})).toEqual({ messages: feed, more: false });
    const last2 = selectHistory(feed, { limit: 2 });
    expect(seqs(last2)).toEqual([4, 5]);
    expect(last2.more).toBe(true);
    expect(selectHistory(feed, { limit: 0 })).toEqual({ messages: [], more: true });
    expect(selectHistory([], { limit: 0 })).toEqual({ messages: [], more: false });
  });

  it('pages backwards with beforeSeq and catches up with afterSeq', () => {
    expect(seqs(selectHistory(feed, { limit: 2, beforeSeq: 4 }))).toEqual([2, 3]);
    expect(selectHistory(feed, { limit: 2, beforeSeq: 2 })).toEqual({ messages: [feed[0]], more: false });
    expect(seqs(selectHistory(feed, { afterSeq: 3 }))).toEqual([4, 5]);
    expect(selectHistory(feed, { afterSeq: 5 })).toEqual({ messages: [], more: false });
    expect(seqs(selectHistory(feed, { afterSeq: 1, from: ['main'], limit: 1 }))).toEqual([5]);
  });

  it('caps a reply by size, but always returns at least one match', () => {
    const big = Array.from({ length: 10 }, (_, i) => msg(i + 1, 'main#aaaa11', 'x'.repeat(1000)));
    const r = selectHistory(big, {}, 3500);
    expect(seqs(r)).toEqual([8, 9, 10]);
    expect(r.more).toBe(true);
    expect(seqs(selectHistory(big, {}, 10))).toEqual([10]);
  });

  it('never returns more than the wire allows, whatever limit is asked', () => {
    const many = Array.from({ length: 1500 }, (_, i) => msg(i + 1, 'main#aaaa11', 'x'));
    const r = selectHistory(many, { limit: 5000 });
    expect(r.messages).toHaveLength(1000);
    expect(r.more).toBe(true);
  });
});
