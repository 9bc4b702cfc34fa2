/**
 * A project's bus identity and where its mailbox lives.
 *
 * Inside a git repository the bus is the repository's: keyed by the real path of the git common
 * dir, so every worktree of one repository reaches one broker and one mailbox, and the mailbox
 * lives under the common dir where `git status` never sees it. Outside git it is the nearest
 * folder up that has a bus or a `.claude/` (so a subfolder joins its project's bus, as inside
 * git), else the folder's; the mailbox is in `<that folder>/.claude/.session-bus/`, which ignores itself.
 *
 * Resolved by reading `.git` files directly (no git process): this runs on every prompt.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { findGitDir, gitCommonDir, worktreesOf } from './git-files.ts';

export interface ProjectLocation {
  /** The project folder (a worktree, in a repository), real path. */
  projectDir: string;
  /** What the bus is keyed by (its hash names the socket): the git common dir, else the folder. */
  busRoot: string;
  /** The folder holding the mailbox. */
  mailboxDir: string;
  mailboxPath: string;
  /** True when the bus is a git repository's. */
  inGit: boolean;
}

export const MAILBOX_FILE = 'mailbox.jsonl';
/** Where mailboxes lived before the bus was keyed by repository; taken over once. */
export const LEGACY_MAILBOX_DIR = join('.claude', '.session-bus');

export function locateProject(dir: string): ProjectLocation {
  const projectDir = realpathSync(dir);
  const gitDir = findGitDir(projectDir);
  const commonDir = gitDir ? gitCommonDir(gitDir) : undefined;
  if (commonDir) {
    const mailboxDir = join(commonDir, 'session-bus');
    return { projectDir, busRoot: commonDir, mailboxDir, mailboxPath: join(mailboxDir, MAILBOX_FILE), inGit: true };
  }
  const busRoot = folderBusRoot(projectDir);
  const mailboxDir = join(busRoot, LEGACY_MAILBOX_DIR);
  return { projectDir, busRoot, mailboxDir, mailboxPath: join(mailboxDir, MAILBOX_FILE), inGit: false };
}

/**
 * Outside git: `dir` or the nearest folder above it with a bus or a `.claude/`. The walk stops
 * at the home folder, whose `.claude/` is the user's settings, not a project.
 */
function folderBusRoot(dir: string): string {
  let home: string | undefined;
  try {
    home = realpathSync(homedir());
  } catch {
    // No home folder: walk to the root.
  }
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, LEGACY_MAILBOX_DIR))) return d;
    if (d !== home && existsSync(join(d, '.claude'))) return d;
    if (d === home || dirname(d) === d) return dir;
  }
}

/** Mailboxes at the old place, inside the worktrees of this repository, to take over. */
export function legacyMailboxes(location: ProjectLocation): string[] {
  if (!location.inGit) return [];
  const dirs = new Set([location.projectDir, ...worktreesOf(location.busRoot)]);
  return [...dirs].map((d) => join(d, LEGACY_MAILBOX_DIR, MAILBOX_FILE)).filter((f) => existsSync(f));
}

/** A mailbox folder inside a working tree ignores itself, so it stays out of any repository made later. */
export function ensureSelfIgnoring(mailboxDir: string): void {
  const ignore = join(mailboxDir, '.gitignore');
  if (existsSync(ignore)) return;
  mkdirSync(mailboxDir, { recursive: true, mode: 0o700 });
  writeFileSync(ignore, '*\n', { mode: 0o600 });
}
