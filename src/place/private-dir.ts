/**
 * The socket directory must be ours alone: a real directory (no symlink), owned by us, with no
 * group or other bits. Anything else could let another user read the bus or plant a socket.
 */
import { lstatSync, mkdirSync, type Stats } from 'node:fs';

export class PrivateDirError extends Error {
  override name = 'PrivateDirError';
}

export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700, recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw new PrivateDirError(`cannot create the socket directory ${dir}: ${code ?? String(err)}`);
  }
  checkPrivateDir(dir);
}

/** What is wrong with the socket directory and how to fix it; undefined when it is fine. Pure. */
export function privateDirProblem(
  dir: string,
  st: Pick<Stats, 'uid' | 'mode'> & { isSymbolicLink(): boolean; isDirectory(): boolean },
  uid: number | undefined = process.getuid?.(),
): { problem: string; fix: string } | undefined {
  if (st.isSymbolicLink()) return { problem: `refusing the socket directory ${dir}: it is a symlink`, fix: `Remove it (rm ${dir}) or set SESSION_BUS_SOCKET_DIR` };
  if (!st.isDirectory()) return { problem: `refusing the socket directory ${dir}: it is not a directory`, fix: 'Remove it or set SESSION_BUS_SOCKET_DIR' };
  if (uid !== undefined && st.uid !== uid) {
    return { problem: `refusing the socket directory ${dir}: owned by uid ${st.uid}, not by you (uid ${uid})`, fix: 'Set SESSION_BUS_SOCKET_DIR to a directory of your own' };
  }
  if ((st.mode & 0o077) !== 0) {
    return { problem: `refusing the socket directory ${dir}: mode ${(st.mode & 0o777).toString(8)} lets others in`, fix: `Run: chmod 700 ${dir}` };
  }
  return undefined;
}

export function checkPrivateDir(dir: string): void {
  if (process.platform === 'win32') return;
  const found = privateDirProblem(dir, lstatSync(dir));
  if (found) throw new PrivateDirError(`${found.problem}. ${found.fix}`);
}
