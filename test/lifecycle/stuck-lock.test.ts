/**
 * Attack on issue 14 item 1 (one mailbox, one writer): a lock that can never be judged stale.
 * A lock whose owner is on another host / pid namespace is stale only by its age
 * (mailbox-lock.ts isStale: `Date.now() - mtime > LOCK_STALE_MS`), and a takeover needs the
 * `<lock>.d` mutex, whose leftover is removed with rmdirSync only. So:
 *
 * - a lock with an mtime in the future (unpacked from an archive with `tar`, copied with `cp -p`
 *   from a machine whose clock runs ahead, or a shared folder written by such a machine) never
 *   ages: the bus never starts again in that project, every client spawns a daemon every 3 s
 *   that says "another daemon owns this mailbox" and exits;
 * - a leftover `<lock>.d` that is a file (or a non-empty directory) is never removed, so a stale
 *   lock is never taken over: the same outage.
 *
 * Outside git the lock is in the project folder (`.claude/.session-bus/`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, run, useProjects, type TestProject } from '../support/project.ts';

const project = useProjects();

/** A lock left by a daemon on another machine or in a container that is gone. */
function plantForeignLock(p: TestProject, mtime: Date): string {
  const lock = `${p.mailboxPath()}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  fs.writeFileSync(lock, JSON.stringify({ pid: 4242, host: 'laptop-of-someone', ns: 'pid:[4026531836]', socket: '/tmp/session-bus-1000/0123456789abcdef.sock', since: 0 }) + '\n');
  fs.utimesSync(lock, mtime, mtime);
  return lock;
}

async function send(p: TestProject): Promise<{ code: number | null; out: string }> {
  const r = await run(process.execPath, [CLI, 'send', 'hello', '--project', p.dir], { env: p.env, timeoutMs: 25_000 });
  return { code: r.code, out: r.stdout + r.stderr };
}

describe('a lock that never goes stale (attack on issue 14 item 1)', () => {
  it('Stuck lock: a foreign owner lock with an mtime in the future is never taken over, the bus never starts in that project', async () => {
    const p = project();
    plantForeignLock(p, new Date('2099-01-01T00:00:00Z'));
    const r = await send(p);
    // Today: "the session-bus daemon did not answer ... in time", log full of "another daemon owns this mailbox".
    expect(r.out).not.toMatch(/did not answer/);
    expect(r.code).toBe(0);
  }, 60_000);

  it('Stuck lock: a stale lock next to a `mailbox.jsonl.lock.d` that is a file is never taken over, the bus never starts', async () => {
    const p = project();
    const old = new Date(Date.now() - 3600_000);
    const lock = plantForeignLock(p, old);
    fs.writeFileSync(`${lock}.d`, '');
    fs.utimesSync(`${lock}.d`, old, old);
    const r = await send(p);
    expect(r.out).not.toMatch(/did not answer/);
    expect(r.code).toBe(0);
  }, 60_000);

  it('control: the same stale foreign lock alone is taken over', async () => {
    const p = project();
    plantForeignLock(p, new Date(Date.now() - 3600_000));
    const r = await send(p);
    expect(r.code).toBe(0);
  }, 60_000);
});
