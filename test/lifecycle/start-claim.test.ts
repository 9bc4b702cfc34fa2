/**
 * Callers that find no daemon at the same moment start one between them (client/start-claim.ts):
 * the claim's rules in-process, and the start itself with real processes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectOrSpawn, StartError } from '../../src/client/connect.ts';
import { claimStart, recordStarting, releaseStart } from '../../src/client/start-claim.ts';
import { pidsRunning } from '../support/proc.ts';
import { DAEMON, useProjects, waitFor } from '../support/project.ts';

const project = useProjects();

/** A pid that runs no process: the highest one Linux can give, never reached here. */
const NO_PROCESS = 4194304;

describe('the start claim', () => {
  const HOLDS_MS = 3000;
  const claimIn = () => path.join(project().base, 'x.starting');

  it('the first caller claims the start; others do not while its daemon runs; the claim is 0600', () => {
    const file = claimIn();
    expect(claimStart(file, HOLDS_MS)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(claimStart(file, HOLDS_MS)).toBe(false);
    // The daemon started: its pid holds the claim now.
    recordStarting(file, process.ppid);
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.ppid));
    expect(claimStart(file, HOLDS_MS)).toBe(false);
  });

  it('a claim whose daemon is gone is taken over at once: a dead start delays no one', () => {
    const file = claimIn();
    fs.writeFileSync(file, String(NO_PROCESS));
    expect(claimStart(file, HOLDS_MS)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));
  });

  it('a claim older than the respawn time is taken over even while its daemon runs (a start that hangs)', () => {
    const file = claimIn();
    fs.writeFileSync(file, String(process.ppid));
    const old = (Date.now() - HOLDS_MS - 1000) / 1000;
    fs.utimesSync(file, old, old);
    expect(claimStart(file, HOLDS_MS)).toBe(true);
  });

  it('a claim from the future (a clock set back) does not hold; one a moment ahead (the file system\'s coarser clock: a file written now is stamped up to ms later than Date.now()) does', () => {
    const file = claimIn();
    fs.writeFileSync(file, String(process.ppid));
    const moment = (Date.now() + 500) / 1000;
    fs.utimesSync(file, moment, moment);
    expect(claimStart(file, HOLDS_MS)).toBe(false);
    const later = (Date.now() + 60_000) / 1000;
    fs.utimesSync(file, later, later);
    expect(claimStart(file, HOLDS_MS)).toBe(true);
  });

  it('an empty claim is one being written: it holds for a second, then not', () => {
    const file = claimIn();
    fs.writeFileSync(file, '');
    expect(claimStart(file, HOLDS_MS)).toBe(false);
    const old = (Date.now() - 1500) / 1000;
    fs.utimesSync(file, old, old);
    expect(claimStart(file, HOLDS_MS)).toBe(true);
  });

  it('released only by the caller whose daemon it names; a failed spawn gives it up', () => {
    const file = claimIn();
    fs.writeFileSync(file, String(process.ppid));
    releaseStart(file, process.pid);
    expect(fs.existsSync(file)).toBe(true);
    releaseStart(file, process.ppid);
    expect(fs.existsSync(file)).toBe(false);
    expect(claimStart(file, HOLDS_MS)).toBe(true);
    recordStarting(file, undefined);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('where no claim can be made (a read-only or vanished socket dir), the caller starts a daemon as before', () => {
    const dir = path.join(project().base, 'ro');
    fs.mkdirSync(dir, { mode: 0o500 });
    // root writes through a mode: a dir that is gone fails the same way (ENOENT).
    const file = path.join(process.getuid?.() === 0 ? path.join(dir, 'gone') : dir, 'x.starting');
    expect(claimStart(file, HOLDS_MS)).toBe(true);
  });
});

describe('starting the daemon', () => {
  it("Two starts at once: a second caller that finds no daemon while the first one's is still starting started another, which loaded, lost the bind and exited (the SessionStart hook and the MCP server of every first session did)", async () => {
    const p = project();
    // A daemon entry that notes who started it (its parent) and holds its start until the test
    // lets it go: the first caller's daemon is still starting while the others look.
    const go = path.join(p.base, 'go');
    const starts = path.join(p.base, 'starts');
    const entry = path.join(p.base, 'held-daemon.js');
    fs.writeFileSync(
      entry,
      `const fs = require('node:fs');
fs.appendFileSync(${JSON.stringify(starts)}, process.ppid + '\\n');
const tick = new Int32Array(new SharedArrayBuffer(4));
while (!fs.existsSync(${JSON.stringify(go)})) Atomics.wait(tick, 0, 0, 10);
require(${JSON.stringify(DAEMON)});
`,
    );
    const env = { ...p.env, SESSION_BUS_DAEMON_ENTRY: entry };
    /** Daemons started from this test's own process (the callers after the first, which is a CLI process). */
    const startedHere = () => (fs.existsSync(starts) ? fs.readFileSync(starts, 'utf8') : '').split('\n').filter((ppid) => ppid === String(process.pid));
    const first = p.cli(['send', 'first', '--json'], { SESSION_BUS_DAEMON_ENTRY: entry });
    await waitFor('the first daemon to start', () => fs.existsSync(starts));
    // A caller with a short deadline decides at its first failed connect, then gives up while the
    // first daemon is still held; one with a long one waits through it.
    await expect(connectOrSpawn(p.dir, { env, timeoutMs: 300 })).rejects.toThrow(StartError);
    const waiter = connectOrSpawn(p.dir, { env, timeoutMs: 30_000 });
    fs.writeFileSync(go, '');
    const [sent, c] = await Promise.all([first, waiter]);
    c.client.close();
    expect(sent.code, sent.stderr).toBe(0);
    expect(startedHere()).toEqual([]);
    // The waiter reached the daemon the first caller started.
    await waitFor('one daemon left', () => pidsRunning(entry, p.dir).length === 1);
    expect(pidsRunning(entry, p.dir)).toEqual([c.hello.pid]);
    expect(JSON.parse((await p.cliHere(['status', '--json'])).stdout)).toMatchObject({ pid: c.hello.pid, lastSeq: 1 });
    // Done with once the daemon answered.
    expect(fs.existsSync(p.endpoint().startingPath)).toBe(false);
  });
});
