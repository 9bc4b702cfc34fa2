/** Every form of a path inside the repository is one claim; a path outside it is none (issue 14 item 5). */
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalClaimPath } from '../../src/place/claim-path.ts';
import { overlaps } from '../../src/daemon/claims.ts';
import { seedFastCheck } from '../support/seed.ts';

seedFastCheck();

// A real tree: the property runs against the kernel's realpath, not a model of it.
const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-claim-path-')));
const root = path.join(base, 'repo');
fs.mkdirSync(path.join(root, 'src', 'api'), { recursive: true });
fs.writeFileSync(path.join(root, 'src', 'api', 'users.ts'), '');
fs.mkdirSync(path.join(root, 'lib'));
fs.mkdirSync(path.join(base, 'outside'));
fs.writeFileSync(path.join(base, 'outside', 'secret.txt'), '');
fs.symlinkSync('src', path.join(root, 'src-link'));
fs.symlinkSync('../outside', path.join(root, 'out-link'));
fs.symlinkSync('repo', path.join(base, 'alias'));
const alias = path.join(base, 'alias');
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const realpath = (p: string) => {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
};
const canon = (given: string, r = root) => canonicalClaimPath(r, given, realpath);

const segment = fc.constantFrom('src', 'api', 'users.ts', 'lib', 'new', 'deep', '*.ts', '**', 'x?');
const relPath = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));

describe('canonicalClaimPath', () => {
  it('a claim given as an absolute path overlaps the same relative claim (issue 14 item 5)', () => {
    const abs = canon(path.join(root, 'src/api/users.ts'));
    expect(abs).toEqual({ ok: true, path: 'src/api/users.ts' });
    expect(overlaps('src/api/**', (abs as { path: string }).path)).toBe(true);
  });

  it('absolute, ./, alias-rooted and trailing-slash forms of a path give one canonical path', () => {
    fc.assert(
      fc.property(relPath, (rel) => {
        const want = canon(rel);
        expect(want.ok).toBe(true);
        for (const form of [`${root}/${rel}`, `./${rel}`, `${alias}/${rel}`, `${rel}/`, `${root}//${rel}`]) expect(canon(form)).toEqual(want);
        // The session's root itself reached through a symlink.
        expect(canon(rel, alias)).toEqual(want);
      }),
    );
  });

  it('a detour through .. gives the same path', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom('lib', 'new', 'src-link', 'src/api'), (segs, at, via) => {
        const i = at % (segs.length + 1);
        const detour = [...segs.slice(0, i), via, ...via.split('/').map(() => '..'), ...segs.slice(i)].join('/');
        expect(canon(detour)).toEqual(canon(segs.join('/')));
      }),
    );
  });

  it('a path through a symlink inside the repository is its target', () => {
    fc.assert(
      fc.property(relPath, (rest) => {
        expect(canon(`src-link/${rest}`)).toEqual(canon(`src/${rest}`));
        expect(canon(`${root}/src-link/${rest}`)).toEqual(canon(`src/${rest}`));
      }),
    );
    expect(canon('src-link')).toEqual({ ok: true, path: 'src' });
    // A `..` that backs out of a glob: the link after it is still resolved.
    expect(canon('*/../src-link/api')).toEqual({ ok: true, path: 'src/api' });
  });

  it('canonical paths are relative, clean, and their own canonical form', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('src', 'lib', 'new', '..', '.', '', 'src-link', '*'), { maxLength: 6 }), fc.boolean(), (segs, absolute) => {
        const r = canon(absolute ? `${root}/${segs.join('/')}` : segs.join('/'));
        if (!r.ok) return;
        expect(r.path.startsWith('/')).toBe(false);
        if (r.path !== '.') expect(r.path.split('/').some((s) => s === '' || s === '.' || s === '..')).toBe(false);
        expect(canon(r.path)).toEqual(r);
      }),
      // Small alphabet, many combinations: this is where `*/../src-link` was found.
      { numRuns: 1000 },
    );
  });

  it('the root itself is "."', () => {
    for (const form of [root, `${root}/`, '.', './', `${alias}`, 'lib/..']) expect(canon(form)).toEqual({ ok: true, path: '.' });
  });

  it('paths that leave the repository are refused', () => {
    fc.assert(
      fc.property(relPath, (rest) => {
        for (const form of [`../outside/${rest}`, `${base}/outside/${rest}`, `src/../../${rest}`, `${root}/../${rest}`, `src-link/../../${rest}`]) expect(canon(form)).toEqual({ ok: false });
      }),
    );
    expect(canon('/etc/passwd')).toEqual({ ok: false });
    expect(canon('..')).toEqual({ ok: false });
  });

  it('a symlink in the repository to a place outside is claimed by its name in the repository', () => {
    expect(canon('out-link/secret.txt')).toEqual({ ok: true, path: 'out-link/secret.txt' });
    expect(canon(`${root}/out-link/**`)).toEqual({ ok: true, path: 'out-link/**' });
  });
});
