/**
 * A project's bus identity and where its mailbox lives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ProjectLocation {
  /** The project folder, real path. */
  projectDir: string;
  /** What the bus is keyed by (its hash names the socket). */
  busRoot: string;
  /** The folder holding the mailbox. */
  mailboxDir: string;
  mailboxPath: string;
}

export const MAILBOX_FILE = 'mailbox.jsonl';

export function locateProject(dir: string): ProjectLocation {
  const projectDir = fs.realpathSync(dir);
  const mailboxDir = path.join(projectDir, '.claude', '.session-bus');
  return { projectDir, busRoot: projectDir, mailboxDir, mailboxPath: path.join(mailboxDir, MAILBOX_FILE) };
}
