import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/protocol/version.ts';
import { VERSION } from '../../src/protocol/version.ts';

const json = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('version', () => {
  it('VERSION matches package.json and the plugin manifest', () => {
    const pkg = json('package.json');
    expect(VERSION).toBe(pkg.version);
    const lock = json('package-lock.json');
    expect([lock.version, lock.packages[''].version]).toEqual([VERSION, VERSION]);
    // The manifest the host reads: this plugin, this version, its MCP server a built bundle.
    const manifest = json('plugin/.claude-plugin/plugin.json');
    expect(manifest).toMatchObject({ name: 'session-bus', version: VERSION, license: pkg.license });
    const args: string[] = manifest.mcpServers.bus.args;
    expect(args).toEqual(['${CLAUDE_PLUGIN_ROOT}/dist/mcp.mjs']);
    expect(fs.existsSync(path.join('plugin', args[0]!.replace('${CLAUDE_PLUGIN_ROOT}/', '')))).toBe(true);
    // The marketplace of this checkout lists the same plugin from that folder.
    expect(json('.claude-plugin/marketplace.json').plugins).toEqual([expect.objectContaining({ name: manifest.name, source: './plugin' })]);
  });
  it('compares dotted versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.1')).toBeLessThan(0);
  });
});
