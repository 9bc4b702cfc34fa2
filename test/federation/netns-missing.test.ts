/**
 * The multi-host tests (hosts in network namespaces) where namespaces cannot be made: not root,
 * no iproute2 or iptables, a sandbox. Simulated with SESSION_BUS_NO_NETNS, which the harness
 * honours as it honours NATS_SERVER_BIN for nats-server (test/support/netns.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'vitest';
import { NESTED_RUN } from '../support/global-setup.ts';
import { REPO, run } from '../support/project.ts';

const VITEST = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
const FILES = fs.readdirSync(path.join(REPO, 'test', 'federation')).filter((f) => f.startsWith('real-network-') && f.endsWith('.test.ts')).map((f) => `test/federation/${f}`);
const SAYS = /network namespaces unavailable \(SESSION_BUS_NO_NETNS is set\): the multi-host federation tests need root, iproute2, iptables, nats-server and faketime \(`apt-get install [^`]*`, run as root\)/;

function noNetns(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SESSION_BUS_NO_NETNS: '1', [NESTED_RUN]: '1', ...extra };
  if (!('CI' in extra)) delete env.CI;
  delete env.SESSION_BUS_REQUIRE_NATS;
  return env;
}

// Two runs of their own, independent: side by side (the file waits for the slower, not the sum).
describe.concurrent('without network namespaces', () => {
  it('npm test: the multi-host tests are skipped with one line saying why and what they need', async ({ expect }) => {
    expect(FILES.length).toBeGreaterThanOrEqual(3);
    // One worker: each test process says it once, however many files skip.
    const r = await run(process.execPath, [VITEST, 'run', '--maxWorkers=1', ...FILES], { cwd: REPO, env: noNetns(), timeoutMs: 60_000 });
    // Without the terminal's colours.
    const out = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '');
    expect(r.code, out).toBe(0);
    expect(out.split('\n').filter((l) => SAYS.test(l) && l.endsWith('; skipped'))).toHaveLength(1);
    expect(out).toMatch(new RegExp(`Test Files +${FILES.length} skipped`));
    expect(out).not.toMatch(/\d+ (passed|failed)/);
  });

  it('with CI set, they fail the run instead, saying why', async ({ expect }) => {
    const r = await run(process.execPath, [VITEST, 'run', FILES[0]!], { cwd: REPO, env: noNetns({ CI: '1' }), timeoutMs: 60_000 });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(SAYS);
    expect(r.stdout + r.stderr).toContain('CI must run them');
  });
});
