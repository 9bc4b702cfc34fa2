/**
 * Issue 14, the smaller findings: a mailbox that is no regular file, temp files left by killed
 * daemons, and a status reply that grows with every session ever seen.
 */
import { decideClaim } from '../../src/daemon/claim-decisions.ts';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Broker } from '../../src/daemon/broker.ts';
import { MAX_REMEMBERED_SESSIONS, MAX_STATUS_SESSIONS } from '../../src/protocol/limits.ts';
import type { SessionIdentity } from '../../src/protocol/messages.ts';
import { fakeClaude } from '../support/fake-claude.ts';
import { isAlive, useProjects, type TestProject } from '../support/project.ts';

const fixture = useProjects();

function project(): TestProject {
  const p = fixture();
  fs.mkdirSync(path.dirname(p.mailboxPath()), { recursive: true });
  return p;
}

describe('a mailbox that is no regular file (issue 14, smaller)', () => {
  it.each([
    ['a FIFO', (f: string) => execFileSync('mkfifo', [f])],
    ['a directory', (f: string) => fs.mkdirSync(f)],
    ['a symlink', (f: string) => fs.symlinkSync(path.join(path.dirname(f), 'elsewhere'), f)],
  ])('Mailbox that is %s: refused at once with the fix, by the daemon, send, log and doctor', async (what, make) => {
    const p = project();
    make(p.mailboxPath());
    const started = Date.now();
    const send = await p.cliHere(['send', 'hello']);
    expect(send.code).toBe(1);
    expect(send.stderr).toContain(`is ${what}, not a regular file. Move it away (mv "${p.mailboxPath()}"`);
    // The daemon failed at once and said why: no waiting out a deadline, no retry loop.
    expect(Date.now() - started).toBeLessThan(8000);
    expect(p.daemonPids()).toEqual([]);
    // Then log and doctor, side by side; doctor's plugin check (not the point here) by a stand-in claude.
    const [log, doctor] = await Promise.all([p.cliHere(['log']), p.cliHere(['doctor'], fakeClaude(p.base, true))]);
    expect(log.code).not.toBe(0);
    expect(log.stderr).toContain('not a regular file');
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/mailbox.*not a regular file[\s\S]*mv "/);
  });
});

describe('temp files a killed daemon left (issue 14, smaller)', () => {
  it('100 SIGKILLs left 95 temp files: the next daemon that owns the mailbox removes them', async () => {
    const p = project();
    const dir = path.dirname(p.mailboxPath());
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `mailbox.jsonl.${40000 + i}.tmp`), 'x'.repeat(1000));
    fs.writeFileSync(path.join(dir, 'mailbox.jsonl.takeover.tmp'), 'x');
    fs.writeFileSync(path.join(dir, 'keep-me.tmp'), 'not ours');
    await fixture.connect(p);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual(['keep-me.tmp']);
  });
});

describe('status at thousands of sessions (issue 14, smaller)', () => {
  it('status at 3,000 remembered sessions: a bounded reply listing the connected and recent ones, the rest counted', async () => {
    const p = project();
    const c = await fixture.connect(p);
    const live = await fixture.connect(p);
    await live.client.request('register', { sessionId: 'live-1', pid: 77, label: 'main#live01', live: true });
    const frames: string[] = [];
    for (let i = 0; i < 2999; i++) frames.push(JSON.stringify({ jsonrpc: '2.0', method: 'register', params: { sessionId: `old-${i}`, pid: 0, label: `main#old${i}` } }));
    c.client.writeRaw(frames.join('\n') + '\n');
    // New sessions are recorded one after another, in the order they came: once the last one
    // is answered, every one before it is recorded too.
    await c.client.request('register', { sessionId: 'old-2999', pid: 0, label: 'main#old2999' });
    const s = await c.client.request('status', {});
    expect(s.sessions).toHaveLength(MAX_STATUS_SESSIONS);
    expect(s.sessions[0]).toMatchObject({ sessionId: 'live-1', connected: true });
    // All 3,001 are counted, or — where a compaction applied retention meanwhile — the cap of
    // them plus those registered after it.
    const counted = s.sessions.length + (s.sessionsOmitted ?? 0);
    expect(counted).toBeGreaterThanOrEqual(MAX_REMEMBERED_SESSIONS);
    expect(counted).toBeLessThanOrEqual(3001);
    expect(JSON.stringify(s).length).toBeLessThan(64 * 1024);
    const shown = await p.cliHere(['status']);
    expect(shown.stdout).toMatch(/\(\d+ more sessions seen longer ago, not listed\)/);
  });

  it('forgets long-gone sessions past the cap, never a connected one or a claim holder', () => {
    const b = new Broker();
    const now = 10_000_000;
    const seen = (who: SessionIdentity, now: number) => {
      const { session, entries } = b.resolve(who, now);
      b.apply(entries);
      return b.session(session.id)!;
    };
    const holder = seen({ sessionId: 'holder', pid: 0, label: 'main#holder' }, 0);
    b.apply(decideClaim(b, holder, { sessionId: 'holder', pid: 0, label: 'main#holder' }, 'port:1', 0).entries);
    const live = seen({ sessionId: 'live', pid: 0, label: 'main#live' }, 1);
    b.connect(live, 1);
    for (let i = 0; i < MAX_REMEMBERED_SESSIONS + 500; i++) seen({ sessionId: `s${i}`, pid: 0, label: `main#s${i}` }, 100 + i);
    b.applyRetention(now);
    expect(b.sessionList()).toHaveLength(MAX_REMEMBERED_SESSIONS);
    expect(b.sessionById('holder')).toBe(holder);
    expect(b.sessionById('live')).toBe(live);
    expect(b.sessionById('s0')).toBeUndefined();
    expect(b.sessionById(`s${MAX_REMEMBERED_SESSIONS + 499}`)).toBeDefined();
    expect(isAlive(process.pid)).toBe(true);
  });
});
