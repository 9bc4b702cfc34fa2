import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/protocol/version.ts';
import { VERSION } from '../../src/protocol/version.ts';

describe('version', () => {
  it('VERSION matches package.json and the plugin manifest', () => {
    expect(VERSION).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    expect(VERSION).toBe(JSON.parse(fs.readFileSync('plugin/.claude-plugin/plugin.json', 'utf8')).version);
    expect(VERSION).toBe(JSON.parse(fs.readFileSync('package-lock.json', 'utf8')).version);
  });
  it('compares dotted versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.1')).toBeLessThan(0);
  });
});
