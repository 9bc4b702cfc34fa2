/**
 * `npm run demo` as a newcomer runs it: "says session B (feat-b) but prints my-app#bbbbbb, and
 * teaches a lock broadcast instead of claim". The real script, its real broker and plugin bundles.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from '../support/project.ts';

const TSX = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');

describe('npm run demo', () => {
  it('labels the sessions by their branches (main#aaaaaa, feat-b#bbbbbb) and takes port:1420 with claim', async () => {
    const r = await run(process.execPath, [TSX, 'scripts/demo.ts'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^feat-b#bbbbbb\s+away/m);
    expect(r.stdout).toMatch(/^main#aaaaaa\s+connected/m);
    expect(r.stdout).not.toMatch(/my-app#/);
    expect(r.stdout).toMatch(/A claim port:1420 -> claimed port:1420/);
    expect(r.stdout).toMatch(/^port:1420\s+main#aaaaaa/m);
    expect(r.stdout).not.toMatch(/kind: 'lock'|broadcast.*\[lock\]/);
  });
});
