/**
 * `session-bus tail -f` against real daemons, and the `subscribe` wire method behind it: a
 * watcher is not a peer, outlives its daemon, and one that stops reading is dropped. The CLI
 * runs in this process (support/cli.ts) except where its exit on a signal is the point: there
 * the built CLI runs as a process, stopped with SIGINT (130) and SIGTERM (143).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { describe, expect, it } from 'vitest';
import { useProjects, waitFor } from '../support/project.ts';
import { LINE, seed, startCliHereOn, startCliProcess, USER, who } from '../support/terminal-view.ts';
import type { MessageRecord } from '../../src/protocol/messages.ts';

const project = useProjects();
/**
 * With no daemon, tail -f looks for one every second; these tests pin that it finds the next
 * one and what it shows then, not how often it looks (SESSION_BUS_FOLLOW_RETRY_MS is for tests only).
 */
const QUICK_RETRY = { SESSION_BUS_FOLLOW_RETRY_MS: '100' };

describe('session-bus tail -f', () => {
  it('prints a message sent after it started, and its watcher is no peer and takes no one\'s messages', async () => {
    const p = project();
    const conn = await seed(p);
    const reader = who(3, 'fix');
    await conn.client.request('register', { ...reader, pid: 0, live: true });
    const before = JSON.parse((await p.cliHere(['status', '--json'])).stdout);

    const t = startCliHereOn(project, p, ['tail', '-f', '-n', '1']);
    // The backlog printed means the subscription is on: both happen in one daemon turn.
    await waitFor('the backlog', () => t.out.stdout.includes('lunch, back at 2'));
    expect(t.out.stdout.trimEnd().split('\n')).toHaveLength(1);

    const [peersRun, duringRun] = await Promise.all([p.cliHere(['peers', '--json']), p.cliHere(['status', '--json'])]);
    const peers = JSON.parse(peersRun.stdout).peers;
    expect(peers.map((x: { label: string }) => x.label)).toEqual(['fix#333333']);
    const during = JSON.parse(duringRun.stdout);
    expect(during.sessions.length).toBe(before.sessions.length);

    await p.cliHere(['send', 'sent after tail -f started', '--kind', 'handoff']);
    await conn.client.request('broadcast', { ...who(1, 'main'), text: 'released :1420', kind: 'unlock' });
    await waitFor('the live messages', () => t.out.stdout.includes('released :1420'));
    const lines = t.out.stdout.trimEnd().split('\n');
    expect(lines.slice(1).map((l) => l.match(LINE)?.slice(1))).toEqual([
      [`human:${USER}`, 'handoff', 'sent after tail -f started'],
      ['main#111111', 'unlock', 'released :1420'],
    ]);
    // The session's queue holds every message regardless of the watcher.
    const drained = await conn.client.request('drain', { ...reader, pid: 0 });
    expect(drained.messages.map((m) => m.text)).toEqual(['sent after tail -f started', 'released :1420']);

    // Stopped, it ends with the code of the stop.
    t.stop(130);
    expect((await t.exited).code).toBe(130);
    conn.client.close();
  });

  it('pads the label column so kinds line up; Ctrl-C exits 130', async () => {
    const p = project();
    const conn = await seed(p);
    const t = startCliProcess(project, p, ['tail', '-f', '-n', '3']);
    await waitFor('the backlog', () => t.out.stdout.includes('lunch, back at 2'));
    await conn.client.request('broadcast', { ...who(4, 'feature-with-a-much-longer-name'), text: 'late and long', kind: 'note' });
    await waitFor('the live message', () => t.out.stdout.includes('late and long'));
    const lines = t.out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    // The backlog lines up among itself, and the column never narrows afterwards.
    const kindAt = lines.map((l) => l.indexOf(' ['));
    expect(new Set(kindAt.slice(0, 3)).size).toBe(1);
    expect(kindAt[3]).toBeGreaterThanOrEqual(kindAt[0]!);
    t.child.kill('SIGINT');
    expect(await t.exited).toBe(130);
    conn.client.close();
  });

  it('--json streams records; with no daemon it waits, then follows the one that starts, and catches up after a restart; SIGTERM exits 143', async () => {
    const p = project();
    const t = startCliProcess(project, p, ['tail', '-f', '--json'], QUICK_RETRY);
    await waitFor('the waiting note', () => t.out.stderr.includes('no daemon runs for this project; waiting'));
    expect(p.daemonPids()).toEqual([]);
    await p.cliHere(['send', 'first, starts the daemon']);
    await waitFor('the first message', () => t.out.stdout.includes('first, starts the daemon'), 15_000);

    expect((await p.cliHere(['stop'])).code).toBe(0);
    await waitFor('the note that the daemon went', () => t.out.stderr.includes('the daemon went away'));
    await p.cliHere(['send', 'second, after a restart']);
    await waitFor('the second message', () => t.out.stdout.includes('second, after a restart'), 15_000);
    const records = t.out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as MessageRecord);
    expect(records.map((m) => [m.seq, m.text])).toEqual([
      [1, 'first, starts the daemon'],
      [2, 'second, after a restart'],
    ]);
    t.child.kill('SIGTERM');
    expect(await t.exited).toBe(143);
  });
});

describe('the subscribe wire method', () => {
  it('a watcher does not keep an idle daemon alive; tail -f waits for the next one', async () => {
    const p = project({ env: { SESSION_BUS_IDLE_MS: '500' } });
    // A session's connection holds the daemon up until the watcher is in.
    const held = await p.connect();
    await held.client.request('broadcast', { ...who(1, 'main'), text: 'before the idle exit' });
    const t = startCliHereOn(project, p, ['tail', '-f'], QUICK_RETRY);
    await waitFor('the backlog', () => t.out.stdout.includes('before the idle exit'));
    expect(t.out.stderr).toBe('');
    held.client.close();
    await waitFor('the idle exit', () => p.daemonPids().length === 0, 15_000);
    await waitFor('the note', () => t.out.stderr.includes('the daemon went away'));
    await p.cliHere(['send', 'a new daemon']);
    await waitFor('the next message', () => t.out.stdout.includes('a new daemon'), 15_000);
    t.stop(130);
    expect((await t.exited).code).toBe(130);
  });

  it('answers with the history asked for, then pushes each accepted message; a watcher that never reads is dropped alone', async () => {
    const p = project();
    const conn = await seed(p);
    const watcher = await p.connect();
    const pushed: MessageRecord[] = [];
    watcher.client.onNotification = (method, params) => {
      if (method === 'message') pushed.push(params as MessageRecord);
    };
    const r = await watcher.client.request('subscribe', { limit: 2 });
    expect(r).toMatchObject({ more: true, lastSeq: 3 });
    expect(r.messages.map((m) => m.seq)).toEqual([2, 3]);
    await conn.client.request('broadcast', { ...who(1, 'main'), text: 'one more' });
    await waitFor('the push', () => pushed.length === 1);
    expect(pushed[0]).toMatchObject({ seq: 4, text: 'one more', from: 'main#111111' });
    const caughtUp = await watcher.client.request('subscribe', { afterSeq: 2 });
    expect(caughtUp.messages.map((m) => m.seq)).toEqual([3, 4]);

    // A raw watcher that stops reading: past the backlog cap the daemon drops it, nobody else.
    const sock = net.createConnection(p.endpoint().socketPath);
    await new Promise<void>((r2) => sock.once('connect', () => r2()));
    const subscribed = new Promise((r2) => sock.once('data', r2));
    sock.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'subscribe', params: { limit: 0 } }) + '\n');
    // Subscribed (its reply came) before it stops reading.
    await subscribed;
    sock.pause();
    const big = 'x'.repeat(4000);
    for (let i = 0; i < 120; i++) await Promise.all(Array.from({ length: 5 }, () => conn.client.request('broadcast', { ...who(1, 'main'), text: big })));
    await waitFor('the slow watcher dropped', () => fs.readFileSync(p.endpoint().logPath, 'utf8').includes('slow consumer'), 20_000);
    expect(watcher.client.closed).toBe(false);
    expect((await conn.client.request('history', { limit: 1 })).messages[0]!.seq).toBe(604);
    sock.destroy();
    watcher.client.close();
    conn.client.close();
  });
});
