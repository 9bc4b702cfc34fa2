/**
 * Claims that mean the file (issue 14 item 5), through the real MCP SDK client against a real
 * daemon: absolute, `..`, symlinked and other-worktree forms of a path are one claim.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useProjects } from '../support/project.ts';
import type { McpSession } from '../support/mcp.ts';

const project = useProjects({ scope: 'file' });
const p = project({ git: true });
const wt = path.join(p.base, 'wt-feature');
let a: McpSession;
let b: McpSession;
let c: McpSession;

beforeAll(async () => {
  fs.mkdirSync(path.join(p.dir, 'src', 'api'), { recursive: true });
  fs.writeFileSync(path.join(p.dir, 'src', 'api', 'users.ts'), '');
  fs.mkdirSync(path.join(p.dir, 'lib'));
  fs.symlinkSync('src/api', path.join(p.dir, 'api-link'));
  fs.symlinkSync(p.dir, path.join(p.base, 'proj-alias'));
  execFileSync('git', ['-C', p.dir, 'worktree', 'add', '-q', '-b', 'feature', wt]);
  a = await project.mcp(p, 'aaaaaaaa-1111-4000-8000-000000000001', { host: 'here' });
  b = await project.mcp(p, 'bbbbbbbb-2222-4000-8000-000000000002', { host: 'here' });
  c = await project.mcp(p, 'cccccccc-3333-4000-8000-000000000003', { dir: wt, host: 'here' });
  expect(await b.call('claim', { resource: 'src/api/**', note: 'reworking the API' })).toEqual({ isError: false, text: expect.stringMatching(/^claimed src\/api\/\*\*/) });
});

describe('claims that mean the file', () => {
  it('a claim given as an absolute path overlaps the same relative claim (issue 14 item 5)', async () => {
    const r = await a.call('claim', { resource: path.join(p.dir, 'src/api/users.ts') });
    expect(r).toEqual({ isError: true, text: expect.stringMatching(/^src\/api\/\*\* is held by main#bbbbbb since .* \(reworking the API\)$/) });
  });

  it('..-, ./-, symlinked and aliased forms overlap it too', async () => {
    for (const form of ['lib/../src/api/users.ts', './src/api/users.ts', 'api-link/users.ts', path.join(p.dir, 'api-link'), path.join(p.base, 'proj-alias', 'src', 'api', 'new.ts')]) {
      expect(await a.call('claim', { resource: form }), form).toEqual({ isError: true, text: expect.stringMatching(/^src\/api\/\*\* is held by main#bbbbbb/) });
    }
  });

  it('the same path in another worktree of the repository is the same claim', async () => {
    const r = await c.call('claim', { resource: path.join(wt, 'src', 'api', 'users.ts') });
    expect(r).toEqual({ isError: true, text: expect.stringMatching(/^src\/api\/\*\* is held by main#bbbbbb/) });
    // An absolute path into another worktree of the repository names the same relative path.
    expect(await a.call('claim', { resource: path.join(wt, 'src', 'api', 'users.ts') })).toEqual({ isError: true, text: expect.stringMatching(/^src\/api\/\*\* is held by main#bbbbbb/) });
    expect(await c.call('claim', { resource: path.join(p.dir, 'src', 'api', 'users.ts') })).toEqual({ isError: true, text: expect.stringMatching(/^src\/api\/\*\* is held by main#bbbbbb/) });
  });

  it('a path outside the repository is refused with a clear error', async () => {
    for (const form of ['/etc/passwd', '../outside.ts', path.join(p.base, 'elsewhere', 'x.ts')]) {
      expect(await a.call('claim', { resource: form }), form).toEqual({ isError: true, text: expect.stringMatching(/is outside this repository/) });
    }
  });

  it('an absolute claim is stored relative, and release takes any form of it', async () => {
    expect(await a.call('claim', { resource: path.join(p.dir, 'lib', 'util.ts') })).toEqual({ isError: false, text: 'claimed lib/util.ts' });
    expect((await b.call('claims', {})).text).toContain('lib/util.ts by main#aaaaaa');
    expect(await a.call('release', { resource: path.join(p.base, 'proj-alias', 'lib', '..', 'lib', 'util.ts') })).toEqual({ isError: false, text: 'released lib/util.ts' });
    expect(await a.call('claim', { resource: './lib/util.ts' })).toEqual({ isError: false, text: 'claimed lib/util.ts' });
    expect(await a.call('release', { resource: path.join(p.dir, 'lib/util.ts') })).toEqual({ isError: false, text: 'released lib/util.ts' });
  });

  it('names with a scheme are untouched', async () => {
    expect(await a.call('claim', { resource: 'port:1420' })).toEqual({ isError: false, text: 'claimed port:1420' });
    expect(await c.call('claim', { resource: 'port:1420' })).toEqual({ isError: true, text: expect.stringMatching(/^port:1420 is held by main#aaaaaa/) });
    expect(await a.call('release', { resource: 'port:1420' })).toEqual({ isError: false, text: 'released port:1420' });
  });
});
