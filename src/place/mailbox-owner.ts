/**
 * Who owns a mailbox: the daemon that appends to it holds `<mailbox>.lock`, a small JSON file
 * beside the mailbox (not in the socket dir, which can be deleted or differ between two
 * environments). Clients read it only to find the owner when the socket they expected is gone:
 * it names the socket the owner serves. Shared by the daemon (which writes it) and clients.
 */
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync } from 'node:fs';
import { hostname } from 'node:os';

export interface MailboxOwner {
  pid: number;
  /** The machine and pid namespace the pid means something in (`pid:[4026531836]` on Linux). */
  host: string;
  ns: string;
  /** The socket the owner serves. */
  socket: string;
  since: number;
}

export function mailboxLockPath(mailboxPath: string): string {
  return `${mailboxPath}.lock`;
}

/** The owner record, or undefined when there is none or it is not one (torn, tampered). */
export function readMailboxOwner(lockPath: string): MailboxOwner | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readSmallRegularFile(lockPath, MAX_OWNER_BYTES));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(o.pid) || (o.pid as number) <= 0) return undefined;
  if (typeof o.host !== 'string' || typeof o.ns !== 'string' || typeof o.socket !== 'string' || typeof o.since !== 'number') return undefined;
  return { pid: o.pid as number, host: o.host, ns: o.ns, socket: o.socket, since: o.since };
}

/** An owner record is a line of JSON; anything bigger was not written by a daemon. */
const MAX_OWNER_BYTES = 4096;

/**
 * The lock sits in the project (outside git) where an unpacked archive may have put anything:
 * never through a symlink, never blocking on a FIFO, never more than `max` bytes.
 */
function readSmallRegularFile(file: string, max: number): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${file} is not a regular file`);
    const buf = Buffer.alloc(max);
    const n = readSync(fd, buf, 0, max, 0);
    return buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** This process's machine and pid namespace: where a pid in an owner record can be checked. */
export function ownPlace(): { host: string; ns: string } {
  let ns = 'none';
  try {
    // Linux: a dev container or `unshare -p` has pids of its own; another namespace's pid means nothing here.
    ns = readlinkSync('/proc/self/ns/pid');
  } catch {
    // Not Linux: the host name alone.
  }
  return { host: hostname(), ns };
}
