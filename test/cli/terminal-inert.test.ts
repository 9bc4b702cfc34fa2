/**
 * What the CLI prints passes the one cleaning function (`inert`), whatever it quotes: a folder's
 * name, a settings value, the environment, a federation refusal, its own arguments; in text and
 * in --json (which must still parse to the same values). An attack of ours, 2026-12-02, found
 * escape sequences reaching the terminal raw in ten places; each is here, against a real daemon.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHere } from '../support/cli.ts';
import { CLI, run, useProjects } from '../support/project.ts';
import { locateProject } from '../../src/place/project.ts';
import { settingsPath } from '../../src/place/settings.ts';

const project = useProjects({ scope: 'file' });

/** A colour, a window title (OSC ... BEL), a one-byte C1 CSI, a right-to-left override. */
const HOSTILE = '\u001b[31mred\u001b]0;title\u0007\u009b31m\u202eevil';
/** What must never reach a terminal as it is (newline aside: output has lines). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

function expectInert(label: string, r: { stdout: string; stderr: string }): void {
  expect(r.stdout + r.stderr, label).not.toMatch(RAW);
}

describe('attack 2026-12-02: text from outside reached the terminal raw', () => {
  it('a folder name with escape sequences: the not-running line (status, peers, claims, stop), doctor, config, guard install, and --json', async () => {
    const p = project({ git: true });
    const dir = path.join(p.dir, HOSTILE);
    fs.mkdirSync(dir);
    execFileSync('git', ['init', '-q', dir]);
    const cli = (args: string[]) => cliHere([...args, '--project', dir], p.env);
    for (const cmd of ['status', 'peers', 'claims', 'stop']) {
      const r = await cli([cmd]);
      expect(r.code, cmd).toBe(3);
      // Shown with its escapes written out, as the folder really is named: a path to copy.
      expect(r.stdout, cmd).toContain('\\u001b[31mred\\u001b]0;title\\u0007\\u009b31m\\u202eevil');
      expectInert(cmd, r);
    }
    for (const args of [['doctor'], ['config'], ['config', 'set', 'fsync', 'always'], ['config', 'unset', 'fsync'], ['guard', 'install'], ['guard', 'uninstall']]) expectInert(args.join(' '), await cli(args));
    expect((await cli(['send', 'hi'])).code).toBe(0);
    const json = await cli(['status', '--json']);
    expectInert('status --json', json);
    expect(JSON.parse(json.stdout).root).toBe(path.join(fs.realpathSync(dir), '.git'));
    expect((await cli(['stop'])).code).toBe(0);
  });

  it('a settings value with escape sequences: config set refuses it; one written by hand is shown inert by config get, the running daemon\'s value, status\'s federation refusal and doctor', async () => {
    const p = project({ git: true });
    const set = await p.cliHere(['config', 'set', 'host', `h${HOSTILE}`]);
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/^session-bus: SESSION_BUS_HOST cannot hold control, line-separator or bidi characters: "h\\u001b\[31mred/);
    expectInert('config set', set);
    // The file as a person (or a planted repository) may write it by hand.
    const file = settingsPath(locateProject(p.dir).mailboxDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ host: `h${HOSTILE}` }));
    const get = await p.cliHere(['config', 'get', 'host']);
    expect(get.stdout).toBe('h\\u001b[31mred\\u001b]0;title\\u0007\\u009b31m\\u202eevil\n');
    expectInert('config get', get);
    // A daemon federating under a project key it refuses, with the key in its reason.
    const env = { SESSION_BUS_NATS_URL: 'nats://127.0.0.1:1', SESSION_BUS_PROJECT: `x${HOSTILE}` };
    (await p.connect({ env: { ...p.env, ...env } })).client.close();
    for (const args of [['config', 'unset', 'host'], ['status'], ['doctor'], ['status', '--json'], ['doctor', '--json']]) expectInert(args.join(' '), await p.cliHere(args, env));
    expect(JSON.parse((await p.cliHere(['status', '--json'], env)).stdout).federation.reason).toMatch(/^SESSION_BUS_PROJECT must be .*red.*evil/);
    expect((await p.cliHere(['status'], env)).stdout).toMatch(/federation refused: SESSION_BUS_PROJECT must be .*red.*evil/);
  });

  it('statusline\'s usage error quoted its arguments with C1 and bidi characters raw', async () => {
    const r = await run(process.execPath, [CLI, 'statusline', `\u009b31m\u202eevil`], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not "\\u009b31m\\u202eevil"');
    expectInert('statusline', r);
  });
});
