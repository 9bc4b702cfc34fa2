/**
 * The socket directory must be ours alone: a real directory (no symlink), owned by us, with no
 * group or other bits. Anything else could let another user read the bus or plant a socket.
 */
import { lstatSync, mkdirSync } from 'node:fs';

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

export function checkPrivateDir(dir: string): void {
  if (process.platform === 'win32') return;
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) {
    throw new PrivateDirError(`refusing the socket directory ${dir}: it is a symlink. Remove it (rm ${dir}) or set SESSION_BUS_SOCKET_DIR`);
  }
  if (!st.isDirectory()) {
    throw new PrivateDirError(`refusing the socket directory ${dir}: it is not a directory. Remove it or set SESSION_BUS_SOCKET_DIR`);
  }
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new PrivateDirError(
      `refusing the socket directory ${dir}: owned by uid ${st.uid}, not by you (uid ${uid}). Set SESSION_BUS_SOCKET_DIR to a directory of your own`,
    );
  }
  if ((st.mode & 0o077) !== 0) {
    throw new PrivateDirError(
      `refusing the socket directory ${dir}: mode ${(st.mode & 0o777).toString(8)} lets others in. Run: chmod 700 ${dir}`,
    );
  }
}
