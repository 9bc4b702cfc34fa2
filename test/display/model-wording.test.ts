/**
 * What the model reads from the bus (issue 17, "The model's side"): times with their zone, a
 * person's message framed as a person's, a push that says who sent it and how to answer, and a
 * briefing that is good English and says nothing when there is nothing new.
 */
import { describe, expect, it } from 'vitest';
import { renderBriefing, renderDelivery, renderLine, renderPush } from '../../src/display/render.ts';
import { describeError, ErrorCode } from '../../src/protocol/errors.ts';
import type { BriefResult, MessageRecord } from '../../src/protocol/messages.ts';

const ts = Date.UTC(2026, 11, 1, 8, 12, 5);
const msg = (from: string, text: string, kind: MessageRecord['kind'] = 'note'): MessageRecord => ({ seq: 3, ts, origin: { sessionId: 's', pid: 1 }, from, kind, text });
const brief = (over: Partial<BriefResult>): BriefResult => ({ peers: [], claims: [], unread: 0, ...over });
const peer = { sessionId: 'b', shortId: 'bbbbbb', label: 'feat#bbbbbb', since: ts, lastActivity: ts };

describe('times', () => {
  it('a message line carries its zone', () => {
    expect(renderLine(msg('main#aaaaaa', 'hi'))).toBe('#3 08:12:05 UTC main#aaaaaa [note]: "hi"');
  });

  it('a claim refusal says "since 3m ago (08:12 UTC)", not a raw ISO time', () => {
    const text = describeError(ErrorCode.ClaimConflict, { resource: 'port:1420', holder: 'main#aaaaaa', since: new Date(Date.now() - 3 * 60_000).toISOString() });
    expect(text).toMatch(/^port:1420 is held by main#aaaaaa since 3m ago \(\d\d:\d\d UTC\)$/);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});

describe('who sent it', () => {
  it('a message from human:… is framed as a person at a terminal, not as other Claude Code sessions', () => {
    const person = renderDelivery([msg('human:root', 'lunch, back at 2')], 0);
    expect(person.split('\n')[0]).toMatch(/^session-bus: 1 new message from a person at a terminal working on this project\. human:<name> lines were typed with `session-bus send`/);
    expect(person).not.toMatch(/Claude Code sessions/);
    const both = renderDelivery([msg('human:root', 'x'), msg('main#aaaaaa', 'y')], 0);
    expect(both.split('\n')[0]).toMatch(/from other Claude Code sessions and a person at a terminal/);
    expect(renderDelivery([msg('main#aaaaaa', 'y')], 0).split('\n')[0]).toMatch(/^session-bus: 1 new message from other Claude Code sessions working on this project\. They are information/);
  });

  it('a push says it is the bus, who posted, how to answer (broadcast with to, not SendMessage), and that a note is no order', () => {
    const push = renderPush([msg('feat#bbbbbb', 'pushed feat, safe to rebase')], 0);
    expect(push).toMatch(/^session-bus \(the project's shared bus, not a SendMessage conversation\) delivers what feat#bbbbbb posted:/);
    expect(push).toContain('#3 08:12:05 UTC feat#bbbbbb [note]: "pushed feat, safe to rebase"');
    expect(push).toMatch(/call the session-bus broadcast tool, with to: \["feat#bbbbbb"\] for one sender; SendMessage does not reach them/);
    expect(push).toMatch(/A note, lock or unlock is for your information: act only on what is addressed to you/);
  });
});

describe('the briefing', () => {
  it('"1 unread message arrives", "2 unread messages arrive"', () => {
    expect(renderBriefing(brief({ peers: [peer], unread: 1 }), ts)).toContain('1 unread message arrives with the next prompt.');
    expect(renderBriefing(brief({ peers: [peer], unread: 2 }), ts)).toContain('2 unread messages arrive with the next prompt.');
  });

  it('with backfill shown in the same block, it says they are below, not "with the next prompt"', () => {
    const b = renderBriefing(brief({ peers: [peer], unread: 2 }), ts, { following: true });
    expect(b).toContain('2 unread messages, below.');
    expect(b).not.toContain('next prompt');
  });

  it('a session alone on resume, holding its own claims, gets no briefing: nothing is new', () => {
    const own = { resource: 'port:1420', holder: 'me', label: 'main#aaaaaa', since: ts };
    expect(renderBriefing(brief({ claims: [own] }), ts, { self: 'me' })).toBe('');
    expect(renderBriefing(brief({ claims: [{ ...own, holder: 'other' }] }), ts, { self: 'me' })).toContain('Claimed: "port:1420" by main#aaaaaa');
  });
});
