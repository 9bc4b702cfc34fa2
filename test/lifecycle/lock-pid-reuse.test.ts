/**
 * Attack on issue 14 items 1 and 9: a stale mailbox lock whose pid now belongs to another
 * process. A daemon SIGKILLed leaves its lock; if its pid is reused within LOCK_STALE_MS (or a
 * lock names a live pid for any other reason), `isStale` says the owner runs. The starting
 * daemon then "hands the socket path back" with `process.kill(owner.pid, 'SIGUSR2')`
 * (main.ts signalToRebind) without checking that the pid is a session-bus daemon: SIGUSR2's
 * default action terminates the unrelated process. Every client spawns such a daemon every 3 s.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownPlace } from '../../src/place/mailbox-owner.ts';
import { CLI, isAlive, run, useProjects, waitFor } from '../support/project.ts';

const project = useProjects();

const A = { sessionId: 'aaaaaaaa-1', pid: 1001, label: 'main#aaaaaa' };

describe('a stale lock whose pid was reused (attack on issue 14)', () => {
  it('Lock pid reuse: a starting daemon sends SIGUSR2 to the unrelated process that got the dead owner\'s pid, and it dies', async () => {
    const p = project({ git: true });
    const c = await p.connect({ timeoutMs: 15_000 });
    await c.client.request('broadcast', { ...A, text: 'before' });
    c.client.close();
    const daemonPid = c.hello.pid;
    process.kill(daemonPid, 'SIGKILL');
    await waitFor('the daemon gone', () => !isAlive(daemonPid));

    // The dead daemon's pid is taken by another program of the user (simulated: the lock is
    // rewritten to name it, exactly as the dead daemon wrote it, heartbeat fresh).
    const victim = spawn('sleep', ['120'], { stdio: 'ignore' });
    project.defer(() => isAlive(victim.pid!) && process.kill(victim.pid!, 'SIGKILL'));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => victim.on('exit', (_code, sig) => resolve(sig)));
    const lockPath = `${p.mailboxPath()}.lock`;
    const record = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
    fs.writeFileSync(lockPath, JSON.stringify({ ...record, pid: victim.pid, ...ownPlace() }) + '\n');

    const r = await run(process.execPath, [CLI, 'send', 'after', '--project', p.dir], { env: p.env, timeoutMs: 25_000 });
    // The sentinel: our own SIGTERM. Had the daemon sent SIGUSR2, the victim would have died of that first.
    process.kill(victim.pid!, 'SIGTERM');
    // Must: nothing but a session-bus daemon is ever signalled.
    expect(await exited).toBe('SIGTERM');
    expect(r.code).toBe(0);
  }, 60_000);
});
