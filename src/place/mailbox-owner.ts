/**
 * Who owns a mailbox: the daemon that appends to it holds `<mailbox>.lock`, a small JSON file
 * beside the mailbox (not in the socket dir, which can be deleted or differ between two
 * environments). Clients read it only to find the owner when the socket they expected is gone:
 * it names the socket the owner serves. Shared by the daemon (which writes it) and clients.
 */
import { readFileSync, readlinkSync } from 'node:fs';
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
    raw = JSON.parse(readFileSync(lockPath, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(o.pid) || (o.pid as number) <= 0) return undefined;
  if (typeof o.host !== 'string' || typeof o.ns !== 'string' || typeof o.socket !== 'string' || typeof o.since !== 'number') return undefined;
  return { pid: o.pid as number, host: o.host, ns: o.ns, socket: o.socket, since: o.since };
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
