/**
 * Tests leave no daemon running behind them. Every test project lives under a temp folder named
 * `sb-test-*`; after the run, any daemon still serving one of them is a test bug: it is killed
 * and the run fails.
 */
import { DAEMON } from './paths.ts';
import { pidsRunning } from './proc.ts';

// Only this checkout's daemons (DAEMON is its bundle): other checkouts (worktrees) may run their
// tests at the same time.

export function findTestDaemons(): number[] {
  return pidsRunning(DAEMON, 'sb-test-');
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
