/**
 * Tests leave no daemon running behind them. Every test project lives under a temp folder named
 * `sb-test-*`; after the run, any daemon still serving one of them is a test bug: it is killed
 * and the run fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// Only this checkout's daemons: other checkouts (worktrees) may run their tests at the same time.
const DAEMON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../plugin/dist/daemon.mjs');

export function findTestDaemons(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd: string;
    try {
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.includes(DAEMON) && cmd.includes('sb-test-')) pids.push(Number(entry));
  }
  return pids;
}

export default function setup(): () => Promise<void> {
  return async () => {
    // Daemons asked to stop by the last tests may still be on their way out.
    let left = findTestDaemons();
    for (let i = 0; i < 50 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = findTestDaemons();
    }
    if (left.length > 0) {
      for (const pid of left) process.kill(pid, 'SIGKILL');
      throw new Error(`tests left ${left.length} session-bus daemon(s) running: ${left.join(', ')}`);
    }
  };
}
