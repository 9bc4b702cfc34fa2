/**
 * The tools array as the model receives it: what the real `claude` binary (HOST.md "Testing in
 * the real host") puts in its Messages API request for session-bus's tools, recorded by the
 * stand-in of test/e2e, for our plugin and for the seed's (bench/seed.ts). Every character of it
 * is paid in every request of every session.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeAnthropic } from '../test/e2e/fake-anthropic.ts';
import { CLAUDE, claudeEnv, PLUGIN_DIR, TOOL_PREFIX } from '../test/e2e/claude.ts';
import { makeProject, run } from '../test/support/project.ts';
import { extractSeed } from './seed.ts';
import type { BenchRow } from './table.ts';

const BUDGET = 1600;

/** One headless turn with `pluginDir`; the characters of its tools as the model gets them. */
async function toolsChars(pluginDir: string, stop: (env: NodeJS.ProcessEnv, dir: string) => Promise<unknown>): Promise<{ chars: number; count: number }> {
  const fake = await new FakeAnthropic().start();
  const p = makeProject({ git: true });
  const home = path.join(p.base, 'home');
  fs.mkdirSync(home);
  try {
    const env = claudeEnv({ fake, env: p.env, home });
    const code = await new Promise((resolve, reject) => {
      const child = spawn(CLAUDE, ['-p', 'hello', '--output-format', 'json', '--plugin-dir', pluginDir], { cwd: p.dir, env, stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`claude exited ${code}`);
    const tools = (fake.turns[0]?.tools ?? []).filter((t) => t.name.startsWith(TOOL_PREFIX));
    return { chars: JSON.stringify(tools).length, count: tools.length };
  } finally {
    await stop(p.env, p.dir);
    await fake.close();
    await p.cleanup();
  }
}

export async function toolsInHostRows(): Promise<BenchRow[]> {
  const seed = extractSeed();
  try {
    const ours = await toolsChars(PLUGIN_DIR, async () => undefined);
    const theirs = await toolsChars(seed.dir, (env, dir) => run(process.execPath, [seed.cli, 'stop', '--project', dir], { env }));
    return [
      {
        row: `tools array as the model receives it (real claude binary's request; ${ours.count} tools, the seed's ${theirs.count})`,
        figure: `${ours.chars} chars (the seed's: ${theirs.chars}, ${(ours.chars / theirs.chars).toFixed(2)}×)`,
        target: `≤ ${BUDGET.toLocaleString('en-US')} chars`,
        pass: ours.chars <= BUDGET,
      },
    ];
  } finally {
    seed.cleanup();
  }
}
