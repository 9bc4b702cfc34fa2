/**
 * One bus per repository: worktrees share it, different repositories never meet, and the
 * mailbox never shows in `git status`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateProject } from '../../src/place/project.ts';
import { cliHere } from '../support/cli.ts';
import { HOOK, run, useProjects, type TestProject } from '../support/project.ts';
import { hereSession } from '../support/sessions.ts';

const project = useProjects();

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8' });

function hook(p: TestProject, dir: string, sessionId: string, claudePid: number) {
  return run(process.execPath, [HOOK], {
    // What is tested is what the hook delivers, not its deadline: a loaded machine must not turn it into "no answer".
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: dir, SESSION_BUS_HOOK_TIMEOUT_MS: '15000' },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: 'UserPromptSubmit', cwd: dir }),
  });
}

describe('one bus per repository', () => {
  it('two worktrees share one broker: a broadcast in one reaches the other, status in either shows both', async () => {
    const p = project({ git: true });
    const wt = path.join(p.base, 'wt-feature');
    git(p.dir, 'worktree', 'add', '-q', '-b', 'feature', wt);
    expect(locateProject(wt).busRoot).toBe(locateProject(p.dir).busRoot);

    await hook(p, wt, 'bbbbbbbb-2', 2002);
    const a = await hereSession(project, p, 'aaaaaaaa-1');
    try {
      expect((await a.call('broadcast', { text: 'main pushed, safe to rebase', kind: 'handoff' })).text).toBe('sent #1 as main#aaaaaa');
      const got = await hook(p, wt, 'bbbbbbbb-2', 2002);
      expect(JSON.parse(got.stdout).hookSpecificOutput.additionalContext).toMatch(/main#aaaaaa \[handoff\]: "main pushed, safe to rebase"/);

      // status from either worktree, side by side.
      const dirs = [p.dir, wt];
      const runs = await Promise.all(dirs.map((dir) => cliHere(['status', '--json', '--project', dir], p.env)));
      for (const r of runs) {
        const status = JSON.parse(r.stdout);
        const byLabel = Object.fromEntries(status.sessions.map((x: { label: string; cwd: string }) => [x.label, x.cwd]));
        expect(byLabel).toEqual({ 'main#aaaaaa': p.dir, 'feature#bbbbbb': wt });
      }
    } finally {
      await a.close();
    }
  });

  it('two different repositories never see each other', async () => {
    const p = project({ git: true });
    const other = path.join(p.base, 'other');
    git(p.base, 'init', '-q', '-b', 'main', other);
    expect(locateProject(other).busRoot).not.toBe(locateProject(p.dir).busRoot);
    await hook(p, other, 'cccccccc-3', 3003);
    const c = await p.connect();
    await c.client.request('broadcast', { sessionId: 'x', pid: 1, label: 'main#x', text: 'only for proj' });
    c.client.close();
    expect((await hook(p, other, 'cccccccc-3', 3003)).stdout).toBe('');
    // The other repository's daemon (its hook started it) goes with the project's folder, as every daemon under it does.
  });

  it('git status stays clean after a full exchange', async () => {
    const p = project({ git: true });
    await hook(p, p.dir, 'dddddddd-4', 4004);
    const a = await hereSession(project, p, 'eeeeeeee-5');
    await a.call('broadcast', { text: 'hello' });
    await a.call('inbox', {});
    await a.close();
    expect((await hook(p, p.dir, 'dddddddd-4', 4004)).stdout).toContain('hello');
    expect(git(p.dir, 'status', '--porcelain', '--ignored')).toBe('');
    expect(fs.existsSync(path.join(p.dir, '.git', 'session-bus', 'mailbox.jsonl'))).toBe(true);
  });

  it('a folder outside git works, and its mailbox folder ignores itself', async () => {
    const p = project();
    const c = await p.connect();
    await c.client.request('broadcast', { sessionId: 'x', pid: 1, label: 'proj#x', text: 'no git here' });
    c.client.close();
    const mailboxDir = path.join(p.dir, '.claude', '.session-bus');
    expect(fs.readFileSync(path.join(mailboxDir, '.gitignore'), 'utf8')).toBe('*\n');
    // Stop first: once the folder is a repository its bus is the repository's.
    await p.cliHere(['stop']);
    git(p.base, 'init', '-q', p.dir);
    expect(git(p.dir, 'status', '--porcelain')).toBe('');
  });

  it('takes over a mailbox at the old place once, keeping every message and seq', async () => {
    const p = project({ git: true });
    const wt = path.join(p.base, 'wt-b');
    git(p.dir, 'worktree', 'add', '-q', '-b', 'b', wt);
    const msg = (seq: number, ts: number, text: string) => ({ type: 'msg', seq, ts, origin: { sessionId: 'old', pid: 1 }, from: 'main#old', kind: 'note', text });
    const writeOld = (dir: string, entries: object[]) => {
      fs.mkdirSync(path.join(dir, '.claude', '.session-bus'), { recursive: true });
      fs.writeFileSync(path.join(dir, '.claude', '.session-bus', 'mailbox.jsonl'), entries.map((e) => JSON.stringify(e) + '\n').join(''));
    };
    const now = Date.now();
    // The main worktree's old bus: seqs 1..3, a reader who had read up to 2.
    writeOld(p.dir, [
      msg(1, now - 3000, 'one'),
      msg(2, now - 2000, 'two'),
      msg(3, now - 1000, 'three'),
      { type: 'session', id: 'reader', ids: ['reader'], pids: [77], label: 'main#reader', firstSeen: now - 5000 },
      { type: 'cursor', id: 'reader', seq: 2, ts: now },
    ]);
    // The linked worktree had a bus of its own: seqs 1..2.
    writeOld(wt, [msg(1, now - 1500, 'wt-one'), msg(2, now - 500, 'wt-two')]);

    const c = await p.connect();
    const status = await c.client.request('status', {});
    expect(status.lastSeq).toBe(5);
    const inbox = await c.client.request('inbox', { sessionId: 'fresh', pid: 99, label: 'x#fresh', limit: 10 });
    expect(inbox.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
      [4, 'wt-one'],
      [5, 'wt-two'],
    ]);
    // The reader's position carried over: it has three left, not five.
    const drained = await c.client.request('drain', { sessionId: 'reader', pid: 77, label: 'main#reader' });
    expect(drained.messages.map((m) => m.text)).toEqual(['three', 'wt-one', 'wt-two']);
    expect((await c.client.request('broadcast', { sessionId: 'x', pid: 1, label: 'main#x', text: 'new' })).seq).toBe(6);
    c.client.close();
    for (const dir of [p.dir, wt]) expect(fs.existsSync(path.join(dir, '.claude', '.session-bus'))).toBe(false);
    expect(git(p.dir, 'status', '--porcelain')).toBe('');
  });
});
