/**
 * Errors a newcomer meets in the terminal view, each naming the fix (issue 17, "Errors that do
 * not name the fix"). The CLI against real daemons and real folders, run in this process
 * (support/cli.ts), and once as the built CLI for a usage error's exit code (2) from its process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHere } from '../support/cli.ts';
import { CLI, run, useProjects } from '../support/project.ts';

const project = useProjects({ scope: 'file' });

describe('errors that name the fix', () => {
  it('peers/claims with no daemon: "not running" names the project and what starts it; claims persisted in the mailbox are shown', async () => {
    const p = project({ git: true });
    const conn = await p.connect();
    const who = { sessionId: 'aaaa1111-x', pid: 11, label: 'main#aaaa11' };
    await conn.client.request('register', { ...who, live: true });
    await conn.client.request('claim', { ...who, resource: 'port:1420', note: 'dev server' });
    conn.client.close();
    expect((await p.cliHere(['stop'])).code).toBe(0);
    // A clean-clone run found the daemon still exiting after `stop` had said it stopped.
    expect(p.daemonPids(), 'daemons right after `stop` returned').toEqual([]);

    const peers = await p.cliHere(['peers']);
    expect(peers.code).toBe(3);
    expect(peers.stdout).toContain(`not running for ${fs.realpathSync(path.join(p.dir, '.git'))}`);
    expect(peers.stdout).toMatch(/the first Claude Code session here starts it/);

    const claims = await p.cliHere(['claims']);
    expect(claims.code).toBe(3);
    expect(claims.stdout).toMatch(/not running for /);
    expect(claims.stdout).toMatch(/recorded in the mailbox/);
    expect(claims.stdout).toMatch(/port:1420\s+main#aaaa11\s+.*dev server/);
    const json = JSON.parse((await p.cliHere(['claims', '--json'])).stdout);
    expect(json).toMatchObject({ running: false, claims: [{ resource: 'port:1420', label: 'main#aaaa11' }] });
    expect(p.daemonPids()).toEqual([]);
  });

  it('--project /nonexistent: a usage error naming the folder, exit 2, no raw ENOENT … lstat', async () => {
    for (const cmd of ['status', 'peers', 'send']) {
      const args = [cmd, ...(cmd === 'send' ? ['hi'] : []), '--project', '/nonexistent/x'];
      const r = cmd === 'status' ? await run(process.execPath, [CLI, ...args]) : await cliHere(args, process.env);
      expect(r.code, cmd).toBe(2);
      expect(r.stderr).toMatch(/^session-bus: --project \/nonexistent\/x: no such folder\n/);
      expect(r.stderr).not.toMatch(/ENOENT|lstat/);
    }
  });

  it('newcomer tryout 2026-12-02: --project naming a file said "no such folder"', async () => {
    const p = project();
    const file = path.join(p.dir, 'notes.txt');
    fs.writeFileSync(file, 'x');
    const r = await cliHere(['status', '--project', file], process.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^session-bus: --project ${file.replace(/[.]/g, '\\.')}: a file, not a folder\n`));
  });

  it('an unknown option or a text starting with "-": one clear line with balanced quotes, exit 2', async () => {
    const p = project();
    const bogus = await p.cliHere(['status', '--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/^session-bus: unknown option --bogus; status takes /);
    const dash = await p.cliHere(['send', '-x', 'hello']);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toContain('session-bus: unknown option -x; a text starting with "-" goes after --: session-bus send -- "-x hello"');
    for (const r of [bogus, dash]) expect(r.stderr.split('\n')[0]!.split("'").length % 2, r.stderr).toBe(1);
    expect(p.daemonPids()).toEqual([]);
  });

  it('SESSION_BUS_FSYNC=bogus session-bus send hi: refused at once, the reason once, exit 2, no daemon started', async () => {
    const p = project();
    const started = Date.now();
    const r = await p.cliHere(['send', 'hi'], { SESSION_BUS_FSYNC: 'bogus' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/SESSION_BUS_FSYNC must be/g)).toHaveLength(1);
    expect(p.daemonPids()).toEqual([]);
  });

  it('newcomer tryout 2026-12-02: send over 64 KiB said "the daemon closed the connection" where 5000 bytes gets the limit', async () => {
    const p = project({ git: true });
    const [huge, over] = await Promise.all([p.cliHere(['send', 'a'.repeat(70_000)]), p.cliHere(['send', 'é'.repeat(2500)])]);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toBe('session-bus: message text is 70000 bytes; the limit is 4096 bytes. Shorten it or point to a file instead\n');
    expect(over.stderr).toBe('session-bus: message text is 5000 bytes; the limit is 4096 bytes. Shorten it or point to a file instead\n');
    // Refused before any daemon is started for it.
    expect(p.daemonPids()).toEqual([]);
    const fits = await p.cliHere(['send', 'a'.repeat(4096)]);
    expect(fits.code, fits.stderr).toBe(0);
  });

  it('a relative SESSION_BUS_SOCKET_DIR is refused, naming the default (it made a socket folder inside the working tree, one per folder a process ran in); doctor keeps the value whole', async () => {
    const p = project({ git: true });
    const sub = path.join(p.dir, 'src');
    fs.mkdirSync(sub);
    const env = { ...p.env, SESSION_BUS_SOCKET_DIR: 'sockets' };
    const [send, status] = await Promise.all([run(process.execPath, [CLI, 'send', 'hi'], { cwd: sub, env }), run(process.execPath, [CLI, 'status'], { cwd: p.dir, env })]);
    for (const r of [send, status]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^session-bus: SESSION_BUS_SOCKET_DIR must be an absolute path, not "sockets": each process would look for it from its own folder\. Unset it for the default \(\/tmp\/session-bus-\d+\), or give an absolute path\n$/);
    }
    expect(fs.existsSync(path.join(sub, 'sockets')) || fs.existsSync(path.join(p.dir, 'sockets'))).toBe(false);
    expect(p.daemonPids()).toEqual([]);
    // Review: doctor cut the sentence at its first ". ", which a value may hold.
    const doctor = JSON.parse((await p.cliHere(['doctor', '--json'], { SESSION_BUS_SOCKET_DIR: 'my. sockets' })).stdout);
    expect(doctor.checks.find((c: { name: string }) => c.name === 'socket path')).toMatchObject({
      status: 'fail',
      message: 'SESSION_BUS_SOCKET_DIR must be an absolute path, not "my. sockets": each process would look for it from its own folder',
      fix: expect.stringMatching(/^Unset it for the default \(\/tmp\/session-bus-\d+\), or give an absolute path$/),
    });
  });

  it("an error's words reach the terminal inert: a --project value with escape sequences was printed raw (ESC, OSC, BEL)", async () => {
    const p = project({ git: true });
    const hostile = path.join(p.base, '\u001b[31mred\u001b]0;title\u0007');
    const r = await run(process.execPath, [CLI, 'status', '--project', hostile], { cwd: p.dir, env: p.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\u001b[31mred\\u001b]0;title\\u0007: no such folder');
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
