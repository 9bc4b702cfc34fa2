/**
 * "npm install warns EBADENGINE: @nats-io/nuid wants Node >= 22 while README says Node 20": the
 * floor is Node 22.13 (or 24+), where every package in the lockfile accepts the running Node, so
 * `npm install` on the supported floor warns of no engine. package.json's engines says so too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/project.ts';

type Version = [number, number, number];

/** The engine ranges npm packages use here: `>=X.Y.Z`, `>= X.x`, `^X.Y.Z`, joined by `||`. */
function satisfies(v: Version, range: string): boolean {
  return range.split('||').some((part) => {
    const m = /^(>=|\^)\s*(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(part.trim());
    if (!m) throw new Error(`an engine range this test does not read: ${JSON.stringify(part)}`);
    const min: Version = [Number(m[2]), m[3] === undefined || m[3] === 'x' ? 0 : Number(m[3]), m[4] === undefined || m[4] === 'x' ? 0 : Number(m[4])];
    const atLeast = v[0] !== min[0] ? v[0] > min[0] : v[1] !== min[1] ? v[1] > min[1] : v[2] >= min[2];
    return m[1] === '>=' ? atLeast : v[0] === min[0] && atLeast;
  });
}

/** The lowest Node versions the project supports: the floor and the next even-numbered line. */
const FLOORS: Version[] = [[22, 13, 0], [24, 0, 0]];

describe('the Node floor', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));

  it('package.json and the lockfile say ^22.13.0 || >=24', () => {
    expect(pkg.engines.node).toBe('^22.13.0 || >=24');
    expect(lock.packages[''].engines.node).toBe(pkg.engines.node);
  });

  it.each(FLOORS.map((v) => v.join('.')))('every package in the lockfile accepts Node %s: no EBADENGINE there', (floor) => {
    const v = floor.split('.').map(Number) as Version;
    const refused = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([name, p]) => name !== '' && p.engines?.node && !satisfies(v, p.engines.node))
      .map(([name, p]) => `${name} wants ${p.engines!.node}`);
    expect(refused).toEqual([]);
  });

  it('Node 20.20 (the machines here; end of life since April 2026) is below it: two packages refuse it', () => {
    const refused = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([name, p]) => name !== '' && p.engines?.node && !satisfies([20, 20, 2], p.engines.node))
      .map(([name]) => name.replace(/^.*node_modules\//, ''));
    expect(refused.sort()).toEqual(['@anthropic-ai/claude-code', '@nats-io/nuid']);
  });

  it('reads ranges as npm does', () => {
    expect(satisfies([20, 20, 2], '>= 22.x')).toBe(false);
    expect(satisfies([22, 13, 0], '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies([23, 1, 0], '^20.0.0 || ^22.0.0 || >=24.0.0')).toBe(false);
  });
});
