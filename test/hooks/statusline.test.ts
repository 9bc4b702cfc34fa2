/**
 * `session-bus statusline` for Claude Code's statusLine setting: one short line (peers, unread,
 * claims held by others), no daemon started, stdin as the host passes it. The built CLI, a real daemon.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/width.ts';
import * as path from 'node:path';
import { CLI, DIST, run, useProjects } from '../support/project.ts';
import { VERSION } from '../../src/protocol/version.ts';

const BIN = path.join(DIST, '..', 'bin', 'session-bus');

const project = useProjects({ scope: 'file' });
const p = project({ git: true });

const A = { sessionId: 'aaaaaaaa-1111-4000-8000-000000000001', pid: 101, label: 'main#aaaaaa' };
const B = { sessionId: 'bbbbbbbb-2222-4000-8000-000000000002', pid: 102, label: 'feat#bbbbbb' };

/** As settings.json runs it: plugin/bin/session-bus (its own CommonJS bundle); `cli` = through dist/cli.mjs. */
function statusline(sessionId: string, entry = BIN) {
  const input = JSON.stringify({ session_id: sessionId, cwd: p.dir, workspace: { current_dir: p.dir, project_dir: p.dir }, model: { display_name: 'Opus' } });
  return run(process.execPath, [entry, 'statusline'], { cwd: p.dir, env: { ...p.env, CLAUDE_PROJECT_DIR: '' }, input });
}

describe('session-bus statusline', () => {
  it('with no daemon: "bus: not running", exit 0, and it starts none', async () => {
    const r = await statusline(A.sessionId);
    expect(r).toMatchObject({ code: 0, stdout: 'bus: not running\n', stderr: '' });
    expect(p.daemonPids()).toEqual([]);
  });

  it('one line: peers (people not counted), this session\'s unread, claims held by others', async () => {
    const a = await p.connect();
    const b = await p.connect();
    await a.client.request('register', { ...A, live: true });
    await b.client.request('register', { ...B, live: true });
    await b.client.request('claim', { ...B, resource: 'port:1420' });
    await b.client.request('broadcast', { ...B, text: 'hello' });
    expect((await p.cli(['send', 'from a person'])).code).toBe(0);
    const r = await statusline(A.sessionId);
    expect(r.code).toBe(0);
    // The claim's lock announcement, B's note and the person's message wait for A.
    expect(r.stdout).toBe('bus: 1 peer · 3 unread · port:1420 held by feat#bbbbbb\n');
    expect((await statusline(A.sessionId, CLI)).stdout).toBe(r.stdout);
    const mine = await statusline(B.sessionId);
    expect(mine.stdout).toBe('bus: 1 peer · 1 unread\n');
    for (let i = 0; i < 6; i++) await b.client.request('claim', { ...B, resource: `src/module-with-a-long-name-${i}/**` });
    const long = await statusline(A.sessionId);
    expect(long.stdout.split('\n')).toHaveLength(2);
    expect(displayWidth(long.stdout.trimEnd())).toBeLessThanOrEqual(60);
    expect(long.stdout).toMatch(/^bus: 1 peer · 9 unread · 7 claims by others: port:1420, .*…\n$/);
    a.client.close();
    b.client.close();
  });

  it('newcomer tryout 2026-12-02: statusline ignored --project (and --help, --json, --bogus) and printed the line of the current folder', async () => {
    // A project of its own: the file's has sessions of the tests before, whose claims may lapse meanwhile.
    const q = project({ git: true });
    const a = await q.connect();
    await a.client.request('register', { ...A, live: true });
    // From a folder outside the project, no JSON on stdin: as a person tries it in a shell.
    const here = { cwd: q.base, env: { ...q.env, CLAUDE_PROJECT_DIR: '' }, input: '' };
    const inside = await run(process.execPath, [BIN, 'statusline'], { ...here, cwd: q.dir });
    expect(inside.stdout).toBe('bus: 1 peer · 0 unread\n');
    expect((await run(process.execPath, [BIN, 'statusline'], here)).stdout).toBe('bus: not running\n');
    for (const args of [['--project', q.dir], [`--project=${q.dir}`]]) {
      const r = await run(process.execPath, [BIN, 'statusline', ...args], here);
      expect(r, args.join(' ')).toMatchObject({ code: 0, stdout: inside.stdout, stderr: '' });
    }
    const help = await run(process.execPath, [BIN, 'statusline', '--help'], here);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^session-bus statusline \[--project DIR\]\n/);
    // The full CLI's help page of it (review: its usage line said [--project DIR] twice).
    expect((await run(process.execPath, [CLI, 'help', 'statusline'], here)).stdout).toMatch(/^Usage: session-bus statusline \[--project DIR\]\n[^]*--project DIR, else CLAUDE_PROJECT_DIR/);
    for (const args of [['--json'], ['--bogus'], ['--project'], ['extra']]) {
      const r = await run(process.execPath, [BIN, 'statusline', ...args], here);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^session-bus: statusline takes only --project DIR \(Claude Code passes its JSON on stdin\)/);
    }
    a.client.close();
  });

  it('`session-bus --project DIR statusline` prints the line (it said unknown command "statusline", which help lists); `--version statusline` is still the version; a relative socket dir is said, not "not running"', async () => {
    // A project of its own: the file's has sessions of the tests before, whose claims may lapse meanwhile.
    const q = project({ git: true });
    const a = await q.connect();
    await a.client.request('register', { ...A, live: true });
    const here = { cwd: q.base, env: { ...q.env, CLAUDE_PROJECT_DIR: '' }, input: '' };
    const inside = await run(process.execPath, [BIN, 'statusline', '--project', q.dir], here);
    expect(inside.stdout).toBe('bus: 1 peer · 0 unread\n');
    for (const entry of [BIN, CLI]) {
      for (const args of [['--project', q.dir, 'statusline'], [`--project=${q.dir}`, 'statusline']]) {
        const r = await run(process.execPath, [entry, ...args], here);
        expect(r, `${path.basename(entry)} ${args.join(' ')}`).toMatchObject({ code: 0, stdout: inside.stdout, stderr: '' });
      }
    }
    // An option statusline does not take, before the word as after it: its own refusal, exit 2.
    const json = await run(process.execPath, [BIN, '--json', 'statusline'], here);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/^session-bus: statusline takes only --project DIR/);
    // A value that reads like the word is still a value: `--grep statusline log` searches the history.
    const grep = await run(process.execPath, [BIN, '--project', q.dir, '--grep', 'statusline', 'log'], here);
    expect(grep).toMatchObject({ code: 0, stdout: '', stderr: 'No messages match.\n' });
    // Review: only statusline's own option may come first; `--version statusline` was the version and is.
    expect((await run(process.execPath, [CLI, '--version', 'statusline'], here)).stdout).toBe(`${VERSION}\n`);
    const relative = await run(process.execPath, [BIN, 'statusline', '--project', q.dir], { ...here, env: { ...here.env, SESSION_BUS_SOCKET_DIR: 'sockets' } });
    expect(relative).toMatchObject({ code: 0, stdout: 'bus: check SESSION_BUS_SOCKET_DIR (session-bus doctor)\n' });
    a.client.close();
  });
});
