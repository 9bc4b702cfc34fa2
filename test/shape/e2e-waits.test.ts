/**
 * "On a loaded machine the e2e test 'A's broadcast reaches B's next prompt' timed out at 60 s;
 * alone it passes in 15 s": end-to-end tests wait for events, not for a budget sized for a quiet
 * machine. Pins it in their source: no fixed sleeps, every wait and run bounded only by the
 * hang backstop, and the file's test timeout raised to it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/project.ts';

const DIR = path.join(REPO, 'test', 'e2e');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.test.ts'));

describe('end-to-end tests wait for events', () => {
  it.each(files)('%s: no sleep(), waits bounded only by HANG_MS, test timeout raised to it', (file) => {
    const src = fs.readFileSync(path.join(DIR, file), 'utf8');
    expect(src).not.toMatch(/\bsleep\(/);
    expect(src).toContain('vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS })');
    const waits = src.match(/await waitFor\([\s\S]*?\);\n/g) ?? [];
    for (const w of waits) expect(w, w).toMatch(/HANG_MS\);\n$/);
    const runs = src.match(/await run\(CLAUDE[^\n]*/g) ?? [];
    for (const r of runs) expect(r, r).toContain('timeoutMs: HANG_MS');
  });
});
