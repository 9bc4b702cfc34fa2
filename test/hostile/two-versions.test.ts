/**
 * Two plugin versions in two sessions of one project: real copies of the built plugin, one
 * patched to a newer version (and one to a newer protocol), each running its own MCP server,
 * CLI and daemon. One daemon ends up serving both, or the older side gets a clear error; the
 * daemons never take turns replacing each other.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/protocol/version.ts';
import { CLI, DIST, run, sleep, useProjects, waitFor, type TestProject } from '../support/project.ts';
import { HOST_STANDIN } from '../support/mcp.ts';
import { daemonLog, daemonsMentioning } from './helpers.ts';

const project = useProjects();

/** A copy of the built plugin claiming another version (and protocol). */
function pluginCopy(p: TestProject, name: string, version: string, protocol = 1): string {
  const dir = path.join(p.base, name);
  fs.cpSync(DIST, dir, { recursive: true });
  // The version is in each bundle, or in the chunk the CLI's entry loads (split off by the build).
  const files = ['cli.mjs', 'daemon.js', 'mcp.mjs', ...fs.readdirSync(path.join(dir, 'chunks')).map((f) => path.join('chunks', f))];
  const stamped = files.filter((f) => {
    const code = fs.readFileSync(path.join(dir, f), 'utf8');
    if (!code.includes(`VERSION = "${VERSION}"`)) return false;
    fs.writeFileSync(path.join(dir, f), code.replace(`VERSION = "${VERSION}"`, `VERSION = ${JSON.stringify(version)}`).replace('PROTOCOL_VERSION = 1', `PROTOCOL_VERSION = ${protocol}`));
    return true;
  });
  expect(stamped).toEqual(expect.arrayContaining(['daemon.js', 'mcp.mjs', expect.stringMatching(/^chunks\//)]));
  return dir;
}

async function session(p: TestProject, pluginDir: string, sessionId: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['-e', HOST_STANDIN, path.join(pluginDir, 'mcp.mjs')],
    env: { ...(p.env as Record<string, string>), CLAUDE_CODE_SESSION_ID: sessionId, CLAUDE_PROJECT_DIR: p.dir },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'session-bus-hostile', version: '0' });
  await client.connect(transport);
  project.defer(() => client.close());
  return async (name: string, args: Record<string, unknown>) => {
    const r = await client.callTool({ name, arguments: args });
    return { text: (r.content as { text: string }[]).map((c) => c.text).join('\n'), isError: r.isError === true };
  };
}

function cliOf(p: TestProject, pluginDir: string | undefined, args: string[]) {
  const cli = pluginDir ? path.join(pluginDir, 'cli.mjs') : CLI;
  return run(process.execPath, [cli, ...args, '--project', p.dir], { env: p.env });
}

const started = (p: TestProject) => daemonLog(p).split('\n').filter((l) => l.includes('"msg":"daemon started"'));
const starts = (p: TestProject) => started(p).length;
const versionsStarted = (p: TestProject) => started(p).map((l) => JSON.parse(l).version as string);

describe('two plugin versions on one project', () => {
  it('same protocol: the newer daemon replaces the older once, then serves both sessions; no churn', async () => {
    const p = project();
    const older = pluginCopy(p, 'v0.1.0', '0.1.0');
    const newer = pluginCopy(p, 'v0.2.0', '0.2.0');

    const callOld = await session(p, older, 'ver-old-session');
    expect((await callOld('broadcast', { text: 'old session here' })).isError).toBe(false);
    await waitFor('the older daemon', () => daemonsMentioning(p.dir).length === 1);
    const callNew = await session(p, newer, 'ver-new-session');
    expect((await callNew('broadcast', { text: 'new session here' })).isError).toBe(false);

    // Both sessions and both CLIs at once, a few rounds.
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all([
        callOld('broadcast', { text: `old ${round}` }),
        callNew('broadcast', { text: `new ${round}` }),
        cliOf(p, older, ['send', `old cli ${round}`]),
        cliOf(p, newer, ['send', `new cli ${round}`]),
      ]);
      expect(results.filter((r) => ('isError' in r ? r.isError : r.code !== 0))).toEqual([]);
    }
    const settled = await waitFor('one daemon', () => (daemonsMentioning(p.dir).length === 1 ? daemonsMentioning(p.dir)[0] : undefined));
    const status = JSON.parse((await cliOf(p, newer, ['status', '--json'])).stdout);
    expect(status).toMatchObject({ running: true, version: '0.2.0', pid: settled });
    const startsAfterSettling = starts(p);
    // The older daemon, then the newer one, and no other: an older session reconnecting during
    // the swap found the start lock held by the newer daemon and joined it.
    expect(versionsStarted(p)).toEqual(['0.1.0', '0.2.0']);

    // Settled means settled: more traffic from both versions starts no daemon.
    for (let round = 0; round < 3; round++) {
      await Promise.all([callOld('broadcast', { text: `old again ${round}` }), callNew('broadcast', { text: `new again ${round}` }), cliOf(p, older, ['status'])]);
    }
    // Kept as a fixed wait: a daemon that is never started sends no event to wait for, and no
    // sentinel orders a stray spawn after this traffic. One would be running by then.
    await sleep(300);
    expect(daemonsMentioning(p.dir)).toEqual([settled]);
    expect(starts(p)).toBe(startsAfterSettling);

    // And the two sessions hear each other across the versions.
    expect((await callOld('inbox', { limit: 100 })).text).toContain('new again 2');
    expect((await callNew('inbox', { limit: 100 })).text).toContain('old again 2');
  });

  it('a newer protocol: it replaces the older daemon once; the older side gets a clear error and never replaces it back', async () => {
    const p = project();
    const proto2 = pluginCopy(p, 'v0.3.0-p2', '0.3.0', 2);

    expect((await cliOf(p, undefined, ['send', 'protocol 1 first'])).code).toBe(0);
    expect((await cliOf(p, proto2, ['send', 'protocol 2 takes over'])).code).toBe(0);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => cliOf(p, i % 2 === 0 ? undefined : proto2, ['send', `mixed ${i}`])),
    );
    for (const [i, r] of results.entries()) {
      if (i % 2 === 1) expect(r.code, r.stderr).toBe(0);
      else {
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`the running session-bus daemon (version 0.3.0, protocol 2) is newer than this client (version ${VERSION}, protocol 1). Update the session-bus plugin`);
      }
    }
    const pids = daemonsMentioning(p.dir);
    expect(pids).toHaveLength(1);
    const status = JSON.parse((await cliOf(p, proto2, ['status', '--json'])).stdout);
    expect(status).toMatchObject({ version: '0.3.0', protocol: 2, pid: pids[0] });
    expect(versionsStarted(p)).toEqual([VERSION, '0.3.0']);
  });
});
