/**
 * The mailbox file's low-level I/O: the seam tests use to inject disk faults (`FileOps`), and
 * the few byte-level steps the appender and compaction share.
 */
import type * as fs from 'node:fs';

/** The file system calls the mailbox makes; tests pass a wrapper that fails some of them (ENOSPC). */
export type FileOps = Pick<
  typeof fs,
  | 'openSync'
  | 'readSync'
  | 'writeSync'
  | 'fdatasync'
  | 'fdatasyncSync'
  | 'fsync'
  | 'fsyncSync'
  | 'unlinkSync'
  | 'fstatSync'
  | 'ftruncateSync'
  | 'closeSync'
  | 'renameSync'
  | 'mkdirSync'
  | 'readFileSync'
  | 'existsSync'
  | 'chmodSync'
>;

/** Where the last whole line of the file ends: after its last newline (0 when it has none). */
export function wholeLinesEnd(ops: FileOps, fd: number, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const n = ops.readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}

export function writeAll(ops: FileOps, fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += ops.writeSync(fd, buf, off, buf.length - off);
}

/** Makes a rename durable. Until it is, a power loss leaves the old file, which holds everything too. */
export function syncDirInBackground(ops: FileOps, dir: string): void {
  let fd: number;
  try {
    fd = ops.openSync(dir, 'r');
  } catch {
    return;
  }
  ops.fsync(fd, () => {
    // Not every platform can fsync a directory; the rename is still atomic.
    ops.closeSync(fd);
  });
}
