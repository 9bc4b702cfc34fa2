/**
 * Tests leave no daemon running behind them. Every test project lives under a temp folder named
 * `sb-test-*`; after the run, any daemon still serving one of them is a test bug: it is killed
 * and the run fails. The setup also makes the git template the projects copy (git-template.ts),
 * and removes it after.
 */
import { GIT_TEMPLATE_ENV, makeGitTemplate, removeGitTemplate } from './git-template.ts';
import { DAEMON } from './paths.ts';
import { pidsRunning } from './proc.ts';

// Only this checkout's daemons (DAEMON is its bundle): other checkouts (worktrees) may run their
// tests at the same time.

export function findTestDaemons(): number[] {
  return pidsRunning(DAEMON, 'sb-test-');
}

/**
 * Set for a vitest run that a test starts (the nats-server and network-namespace skip tests):
 * its end is not the suite's, and the daemons of the files the outer run is still running are
 * not left behind. The outer run checks them.
 */
export const NESTED_RUN = 'SESSION_BUS_NESTED_TEST_RUN';

export default function setup(): () => Promise<void> {
  // The projects' git template, for the workers (forked after this, with this environment). A
  // nested run uses its outer run's.
  const template = process.env[GIT_TEMPLATE_ENV] ? undefined : (process.env[GIT_TEMPLATE_ENV] = makeGitTemplate());
  return async () => {
    if (template) removeGitTemplate(template);
    if (process.env[NESTED_RUN]) return;
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
