/**
 * "npm test fails on a machine without nats-server; npm run bench crashes at its federation row":
 * the suite and the row run with nats-server hidden (NATS_SERVER_BIN naming no file).
 */
import * as path from 'node:path';
import { describe, it } from 'vitest';
import { NESTED_RUN } from '../support/global-setup.ts';
import { NATS_MISSING } from '../support/nats.ts';
import { REPO, run } from '../support/project.ts';

const VITEST = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
const TSX = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function hidden(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NATS_SERVER_BIN: path.join(REPO, 'no-such-nats-server'), [NESTED_RUN]: '1', ...extra };
  if (!('CI' in extra)) delete env.CI;
  delete env.SESSION_BUS_REQUIRE_NATS;
  return env;
}

// Three runs of their own, independent: side by side (the file waits for the slowest, not the sum).
describe.concurrent('without nats-server', () => {
  it('npm test: the federation tests are skipped with one line saying why and how to get it', async ({ expect }) => {
    const r = await run(process.execPath, [VITEST, 'run', 'test/federation/federation.test.ts'], { cwd: REPO, env: hidden(), timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    const out = r.stdout + r.stderr;
    expect(out.split('\n').filter((l) => l.includes(NATS_MISSING))).toHaveLength(1);
    expect(out).toMatch(/apt-get install nats-server/);
    expect(out).toMatch(/3 skipped/);
  });

  it('with CI set, a missing nats-server fails the run: CI must run the federation tests', async ({ expect }) => {
    const r = await run(process.execPath, [VITEST, 'run', 'test/federation/federation.test.ts'], { cwd: REPO, env: hidden({ CI: '1' }), timeoutMs: 60_000 });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(NATS_MISSING);
  });

  it('npm run bench: the federation row prints as skipped and the bench finishes', async ({ expect }) => {
    const r = await run(process.execPath, [TSX, 'bench/run.ts', 'federation'], { cwd: REPO, env: hidden(), timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| federation: cross-host delivery\s+\| skipped: nats-server not found/);
  });
});
