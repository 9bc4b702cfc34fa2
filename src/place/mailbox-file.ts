/**
 * The mailbox file must be a regular file: checked before the daemon reads or writes it and
 * before the CLI reads it (no daemon), and by doctor. Shared by all of them, without zod.
 */
import * as fs from 'node:fs';

/** Thrown when the mailbox path holds something that is no regular file: nothing is read or written there. */
export class MailboxFileError extends Error {
  override name = 'MailboxFileError';
  /** The problem and its fix apart (doctor shows them on two lines); the message is both. */
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${problem}. ${fix}`);
  }
}

/**
 * A FIFO would block the daemon's read for ever, a directory crash every start, a symlink lead
 * appends to whatever file it names. Refused with the fix; a missing file is fine.
 */
export function assertRegularFile(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return;
  }
  if (st.isFile()) return;
  const what = st.isFIFO() ? 'a FIFO' : st.isDirectory() ? 'a directory' : st.isSymbolicLink() ? 'a symlink' : st.isSocket() ? 'a socket' : 'a special file';
  throw new MailboxFileError(`the mailbox ${file} is ${what}, not a regular file`, `Move it away (mv "${file}" "${file}.bad"); the bus starts a new one`);
}
