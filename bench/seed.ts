/**
 * "The seed": the project's first commit, whose MCP server is the yardstick for ours. Its bundles
 * were committed with it, so they are taken from git history into a temp folder at bench time
 * (never copied into the tree): the MCP server, and the daemon and CLI it starts and stops.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../test/support/project.ts';

export interface Seed {
  commit: string;
  /** A plugin folder: .claude-plugin/plugin.json and dist/ as the seed shipped them. */
  dir: string;
  mcp: string;
  cli: string;
  cleanup(): void;
}

export function extractSeed(): Seed {
  const git = (...args: string[]) => execFileSync('git', ['-C', REPO, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const commit = git('rev-list', '--max-parents=0', 'HEAD').trim().split('\n')[0]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-seed-'));
  // The seed's dist finds its daemon beside itself (daemon.mjs), as the plugin does.
  const dist = path.join(dir, 'dist');
  fs.mkdirSync(dist);
  for (const f of ['mcp.mjs', 'daemon.mjs', 'cli.mjs']) fs.writeFileSync(path.join(dist, f), git('show', `${commit}:plugin/dist/${f}`));
  // The manifest alone (no hooks): enough for the host to start the seed's MCP server.
  fs.mkdirSync(path.join(dir, '.claude-plugin'));
  fs.writeFileSync(path.join(dir, '.claude-plugin', 'plugin.json'), git('show', `${commit}:plugin/.claude-plugin/plugin.json`));
  return { commit: commit.slice(0, 7), dir, mcp: path.join(dist, 'mcp.mjs'), cli: path.join(dist, 'cli.mjs'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
