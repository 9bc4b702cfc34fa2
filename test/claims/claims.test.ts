import { describe, expect, it } from 'vitest';
import { ClaimTable, normalizeResource, overlaps } from '../../src/daemon/claims.ts';

describe('overlaps', () => {
  it.each([
    ['port:1420', 'port:1420', true],
    ['port:1420', 'port:1421', false],
    ['db:dev', 'db', false],
    ['port:1420', 'src/**', false],
    ['src/**', 'src/a.ts', true],
    ['src', 'src/api/x.ts', true],
    ['src/api/**', 'src/web/**', false],
    ['src/api/**', 'src/**/handlers.ts', true],
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/a.rs', false],
    ['src/*.ts', 'src/sub/a.ts', false],
    ['src/*.ts', 'src/a*', true],
    ['src/*.ts', 'src/*.rs', false],
    ['**/*.md', 'docs/guide/intro.md', true],
    ['README.md', 'README.md', true],
    ['README.md', 'readme.txt', false],
    ['a/b', 'a', true],
    ['.', 'anything/at/all', true],
  ])('%s vs %s → %s', (a, b, want) => {
    const na = normalizeResource(a);
    const nb = normalizeResource(b);
    expect(overlaps(na, nb)).toBe(want);
    expect(overlaps(nb, na)).toBe(want);
  });

  it('normalizes path spelling but not names', () => {
    expect(normalizeResource('./src//api/')).toBe('src/api');
    expect(normalizeResource(' port:1420 ')).toBe('port:1420');
  });
});

describe('ClaimTable', () => {
  const claim = (resource: string, holder: string, expiresAt?: number) => ({ resource, holder, label: `${holder}#x`, since: 0, expiresAt });

  it('refuses what another holder has, allows the holder itself', () => {
    const t = new ClaimTable();
    t.put(claim('src/**', 'A'));
    expect(t.conflict('src/a.ts', 'B', 1)?.holder).toBe('A');
    expect(t.conflict('src/a.ts', 'A', 1)).toBeUndefined();
    expect(t.conflict('lib/a.ts', 'B', 1)).toBeUndefined();
  });

  it('a claim past its TTL conflicts with nothing and expires', () => {
    const t = new ClaimTable();
    t.put(claim('port:1420', 'A', 100));
    expect(t.conflict('port:1420', 'B', 99)?.holder).toBe('A');
    expect(t.conflict('port:1420', 'B', 100)).toBeUndefined();
    expect(t.list(99).map((c) => c.resource)).toEqual(['port:1420']);
    expect(t.list(100)).toEqual([]);
  });

  it('lists what a holder holds', () => {
    const t = new ClaimTable();
    t.put(claim('a', 'A'));
    t.put(claim('port:1', 'A'));
    t.put(claim('b', 'B'));
    expect(t.heldBy('A').map((c) => c.resource)).toEqual(['a', 'port:1']);
  });
});
