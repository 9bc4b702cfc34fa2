/**
 * Attack on issue 14 (one mailbox, one writer): the mailbox's lock file `mailbox.jsonl.lock` is
 * read with a plain readFileSync by every client that finds no socket (connect.ts
 * connectToOwner → readMailboxOwner) and by the starting daemon (mailbox-lock.ts take). Nothing
 * checks that it is a regular file, as the mailbox itself now is (mailbox-file.ts). Outside git
 * the lock is inside the project (`.claude/.session-bus/`), so an unpacked archive can carry it.
 *
 * - a FIFO there: the CLI and the SessionStart hook block for ever in a
 *   synchronous read (no deadline can fire); every session start costs the hook timeout.
 * - a symlink to /dev/zero: the same read grows the process by ~100 MB a second until killed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, HOOK, isAlive, run, useProjects, type TestProject } from '../support/project.ts';

const project = useProjects();

function plant(kind: 'fifo' | 'zero'): TestProject {
  // Outside git: the mailbox (and its lock) live in the project folder.
  const p = project();
  // Unblock anything still reading the planted file, and kill what it blocked, before the cleanup.
  project.defer(() => {
    fs.rmSync(path.join(p.dir, '.claude'), { recursive: true, force: true });
    for (const pid of p.daemonPids()) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });
  const lock = `${p.mailboxPath()}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  if (kind === 'fifo') execFileSync('mkfifo', [lock]);
  else fs.symlinkSync('/dev/zero', lock);
  return p;
}

describe('a planted mailbox lock (attack on issue 14 item 1 / smaller)', () => {
  it.each([
    ['fifo', 'Planted lock: a FIFO at mailbox.jsonl.lock makes `session-bus send` hang instead of refusing it with the fix'],
    ['zero', 'Planted lock: a symlink mailbox.jsonl.lock -> /dev/zero makes the CLI read without bound (hundreds of MB) instead of refusing it'],
  ] as const)('%s: %s', async (kind, _title) => {
    const p = plant(kind);
    const started = Date.now();
    const r = await run(process.execPath, [CLI, 'send', 'hello', '--project', p.dir], { env: p.env, timeoutMs: 12_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    // Taken over (it names no live owner; a link is removed, never followed): the bus works, and
    // the lock is a regular file of the daemon's.
    expect(r.code).toBe(0);
    expect(fs.lstatSync(`${p.mailboxPath()}.lock`).isFile()).toBe(true);
  }, 60_000);

  it('Planted lock: a FIFO at mailbox.jsonl.lock blocks the SessionStart hook past its 10 s timeout (every session start stalls)', async () => {
    const p = plant('fifo');
    const input = JSON.stringify({ session_id: 'aaaaaaaa-1', hook_event_name: 'SessionStart', cwd: p.dir, source: 'startup' });
    const started = Date.now();
    const r = await run(process.execPath, [HOOK, 'SessionStart'], {
      env: { ...p.env, CLAUDE_PROJECT_DIR: p.dir, CLAUDE_PID: String(process.pid) },
      input,
      cwd: p.dir,
      timeoutMs: 12_000,
    });
    const took = Date.now() - started;
    // A hook must end (exit 0, no output) well within its timeout whatever it finds.
    expect(took).toBeLessThan(10_000);
    expect(r.code).toBe(0);
  }, 60_000);
});
