/**
 * The federation tests on a machine without what they need: "npm test fails on a machine without
 * nats-server; npm run bench crashes at its federation row", and the multi-host tests (hosts in
 * network namespaces) where namespaces cannot be made (not root, no iproute2 or iptables, a
 * sandbox). nats-server is hidden with NATS_SERVER_BIN naming no file, namespaces with
 * SESSION_BUS_NO_NETNS, which the harness honours (test/support/nats.ts, netns.ts). The suite
 * runs once as `npm test` does and once as CI does, with both missing: each says so in its own line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'vitest';
import { NESTED_RUN } from '../support/global-setup.ts';
import { NATS_MISSING } from '../support/nats.ts';
import { REPO, run } from '../support/project.ts';

const VITEST = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
const TSX = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** Two hosts on one machine (a nats-server of the test's own). */
const ONE_MACHINE = 'test/federation/federation.test.ts';
/** Hosts in network namespaces. */
const MULTI_HOST = fs.readdirSync(path.join(REPO, 'test', 'federation')).filter((f) => f.startsWith('real-network-') && f.endsWith('.test.ts')).map((f) => `test/federation/${f}`);
const NO_NETNS_SAYS = /network namespaces unavailable \(SESSION_BUS_NO_NETNS is set\): the multi-host federation tests need root, iproute2, iptables, nats-server and faketime \(`apt-get install [^`]*`, run as root\)/;

function missing(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NATS_SERVER_BIN: path.join(REPO, 'no-such-nats-server'), SESSION_BUS_NO_NETNS: '1', [NESTED_RUN]: '1', ...extra };
  if (!('CI' in extra)) delete env.CI;
  delete env.SESSION_BUS_REQUIRE_NATS;
  return env;
}

/** Without the terminal's colours. */
const plain = (r: { stdout: string; stderr: string }) => (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '');

// Three runs of their own, independent: side by side (the file waits for the slowest, not the sum).
describe.concurrent('without nats-server and network namespaces', () => {
  it('npm test: the federation tests are skipped, each kind with one line saying why and how to get what it needs', async ({ expect }) => {
    expect(MULTI_HOST.length).toBeGreaterThanOrEqual(3);
    // One worker: each test process says it once, however many files skip.
    const r = await run(process.execPath, [VITEST, 'run', '--maxWorkers=1', ONE_MACHINE, ...MULTI_HOST], { cwd: REPO, env: missing(), timeoutMs: 60_000 });
    const out = plain(r);
    expect(r.code, out).toBe(0);
    expect(out.split('\n').filter((l) => l.includes(NATS_MISSING))).toHaveLength(1);
    expect(out).toMatch(/apt-get install nats-server/);
    expect(out.split('\n').filter((l) => NO_NETNS_SAYS.test(l) && l.endsWith('; skipped'))).toHaveLength(1);
    expect(out).toMatch(new RegExp(`Test Files +${MULTI_HOST.length + 1} skipped`));
    expect(out).not.toMatch(/\d+ (passed|failed)/);
  });

  it('with CI set, they fail the run instead, saying why: CI must run the federation tests', async ({ expect }) => {
    const r = await run(process.execPath, [VITEST, 'run', '--maxWorkers=1', ONE_MACHINE, MULTI_HOST[0]!], { cwd: REPO, env: missing({ CI: '1' }), timeoutMs: 60_000 });
    const out = plain(r);
    expect(r.code).not.toBe(0);
    expect(out).toContain(NATS_MISSING);
    expect(out).toMatch(NO_NETNS_SAYS);
    expect(out).toContain('CI must run them');
    expect(out).toMatch(/Test Files +2 failed/);
  });

  it('npm run bench: the federation row prints as skipped and the bench finishes', async ({ expect }) => {
    const r = await run(process.execPath, [TSX, 'bench/run.ts', 'federation'], { cwd: REPO, env: missing(), timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| federation: cross-host delivery\s+\| skipped: nats-server not found/);
  });
});
