/**
 * The daemon's start-up steps that stand alone: replacing an older daemon at the socket, handing
 * the socket path back to the mailbox's owner, cleaning what a killed daemon left, the
 * self-ignoring mailbox folder outside git, the mailbox at its old location, the capped log,
 * and the idle garbage collection.
 */
import * as v8 from 'node:v8';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureSelfIgnoring } from '../place/project.ts';
import { isOlderThan, PROTOCOL_VERSION, VERSION } from '../protocol/version.ts';
import { RpcClient } from '../transport/rpc-client.ts';
import pino, { type Logger } from 'pino';
import type { ReplayWarning } from '../place/mailbox-replay.ts';
import { waitUntilGone } from './single-instance.ts';
import { takeOverLegacyMailboxes } from './takeover.ts';
import { isBusDaemon } from '../place/liveness.ts';
import { ownPlace, type MailboxOwner } from '../place/mailbox-owner.ts';

/** How long an older daemon has to go when asked; past it, it keeps serving and we exit. */
export const REPLACE_TIMEOUT_MS = 3000;
/** How long a starting daemon waits for the mailbox lock of a daemon on its way out. */
export const LOCK_WAIT_MS = 300;

/** The log file is capped: past this size it is rotated to `<log>.1` (one generation kept). */
const LOG_CAP_BYTES = 5 * 1024 * 1024;

/** The mailbox's owner lost our socket path: tell it to serve the path again now, not at its next check. */
export function signalToRebind(owner: MailboxOwner, socketPath: string): void {
  const here = ownPlace();
  // Only the owner of our path, on this machine and in this pid namespace (elsewhere its pid is
  // another process), and only a session-bus daemon: SIGUSR2 ends any other program.
  if (owner.socket !== socketPath || owner.host !== here.host || owner.ns !== here.ns || !isBusDaemon(owner.pid)) return;
  try {
    process.kill(owner.pid, 'SIGUSR2');
  } catch {
    // Gone meanwhile: nothing to tell.
  }
}

/** Temp files of compactions and takeovers that a killed daemon left; only the owner may remove them. */
export function removeLeftovers(mailboxPath: string, logger: { info(o: object, m: string): void }): void {
  const dir = path.dirname(mailboxPath);
  const base = path.basename(mailboxPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const left = names.filter((n) => n.startsWith(`${base}.`) && n.endsWith('.tmp'));
  for (const n of left) fs.rmSync(path.join(dir, n), { force: true });
  if (left.length > 0) logger.info({ removed: left.length }, 'removed temp files a killed daemon left beside the mailbox');
}

/**
 * A client of `version` found an older daemon serving and started this one. Under the start
 * lock (no other daemon can start meanwhile), ask the running one whether it is older still,
 * and if so to shut down; true once it has gone. A daemon as new as ours, or newer, stays.
 */
export async function replaceOlder(socketPath: string, root: string, version: string, logger: { info(o: object, m: string): void }): Promise<boolean> {
  const client = await RpcClient.connect(socketPath, 1000).catch(() => undefined);
  if (!client) return false;
  try {
    const hello = await client.request('hello', { protocol: PROTOCOL_VERSION, version: VERSION, root }, 2000);
    const older = isOlderThan(hello, PROTOCOL_VERSION, version);
    if (!older) return false;
    logger.info({ pid: hello.pid, version: hello.version, by: version }, 'replacing an older daemon');
    await client.request('shutdown', { reason: `replaced by version ${version}` }, 2000).catch(() => undefined);
  } catch {
    return false;
  } finally {
    client.close();
  }
  return waitUntilGone(socketPath, Date.now() + REPLACE_TIMEOUT_MS);
}

export function prepareSelfIgnoring(dir: string, logger: { warn(o: object, m: string): void }): void {
  try {
    ensureSelfIgnoring(dir);
  } catch (err) {
    // A read-only project: the mailbox cannot be written either, and broadcasts will say so.
    logger.warn({ err: (err as Error).message, dir }, 'could not write the mailbox folder .gitignore');
  }
}

export function rotateIfOver(logPath: string, dest?: { reopen(): void }): void {
  try {
    if (fs.statSync(logPath).size <= LOG_CAP_BYTES) return;
    fs.renameSync(logPath, `${logPath}.1`);
    fs.closeSync(fs.openSync(logPath, 'a', 0o600));
    dest?.reopen();
  } catch {
    // No log yet.
  }
}

/**
 * The daemon's pino log, in a file created 0600 (pino would use the umask, and the log quotes what
 * peers said). Never made by pino (`mkdir: false`): a socket dir removed meanwhile would come back
 * 0755 from it, and every client would refuse it; this start fails instead and is retried.
 */
export function openDaemonLog(logPath: string): { logger: Logger; dest: pino.DestinationStream & { flushSync(): void; reopen(): void } } {
  rotateIfOver(logPath);
  fs.closeSync(fs.openSync(logPath, 'a', 0o600));
  const dest = pino.destination({ dest: logPath, append: true, sync: true, mkdir: false });
  return { logger: pino({ base: { pid: process.pid, role: 'daemon' } }, dest), dest };
}

/** Mailboxes at the old location (.claude/.session-bus) are moved into the mailbox; a failure leaves them where they are. */
export function takeOverOldMailboxes(mailboxPath: string, legacy: string[], logger: Logger): void {
  try {
    for (const r of takeOverLegacyMailboxes(mailboxPath, legacy)) {
      if (r.skipped) logger.warn({ from: r.from, why: r.skipped }, 'left a mailbox at the old location alone');
      else logger.info({ ...r, to: mailboxPath }, 'took over a mailbox from the old location');
    }
  } catch (err) {
    logger.error({ err: (err as Error).message }, 'taking over the old mailbox failed; it stays where it is');
  }
}

/** The first 50 replay warnings, each with its line: a planted or torn mailbox is told, never silently taken. */
export function logReplayWarnings(warnings: ReplayWarning[], mailboxPath: string, logger: Logger): void {
  for (const w of warnings.slice(0, 50)) logger.warn({ line: w.line, mailbox: mailboxPath }, `mailbox replay: ${w.reason}`);
  if (warnings.length > 50) logger.warn({ more: warnings.length - 50 }, 'mailbox replay: more warnings not shown');
}

/**
 * After a burst, give the memory back once the daemon is quiet: V8 keeps the heap a burst grew
 * until a full collection, and a daemon waiting for the next prompt allocates too little to
 * trigger one. `gc` is there because the daemon is started with --expose-gc (spawn.ts).
 */
export function collectWhenQuiet(everyMs: number, due: () => boolean): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  setInterval(() => {
    if (!due()) return;
    // Compacting: a plain full collection frees the burst's objects but keeps the pages they
    // were spread over (30 MB committed, 8 MB used); moving the survivors lets V8 return them.
    v8.setFlagsFromString('--compact-on-every-full-gc');
    gc();
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  }, everyMs).unref();
}
