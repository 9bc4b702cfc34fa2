/** Labels a session wears: never a person's. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { humanIdentity, sessionLabel } from '../../src/place/identity.ts';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-identity-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('session labels', () => {
  it('a folder named human:alice does not give a session the label human:alice#… (issue 14, smaller)', () => {
    for (const name of ['human:alice', 'HUMAN:bob', 'Human:']) {
      const dir = path.join(base, name);
      fs.mkdirSync(dir);
      const label = sessionLabel(dir, 'aaaaaaaa-1111-4000-8000-000000000001');
      expect(label.toLowerCase().startsWith('human:')).toBe(false);
      expect(label).toMatch(/#aaaaaa$/);
    }
  });

  it('a person at a terminal keeps human:<user>', () => {
    expect(humanIdentity(base).label).toMatch(/^human:/);
  });
});
