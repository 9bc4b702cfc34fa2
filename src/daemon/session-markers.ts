/**
 * Files in the socket directory that let the hook commands decide in the shell, without starting
 * Node, that there is nothing to do — the common case, paid on every prompt and tool call:
 *
 *   pending-<CLAUDE_PID>  empty; this Claude Code process has unread messages. Written on
 *                         transitions only (empty ↔ pending).
 *   live-<CLAUDE_PID>     holds this daemon's pid; the session's MCP server is connected, so the
 *                         broker knows the session and its pending marker is kept up to date.
 *
 * The prompt hook skips Node when there is no pending marker and a live marker names a daemon
 * that is running; a marker left by a killed daemon names a dead pid, and Node runs as before.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Session } from './broker.ts';

export function markerPath(dir: string, pid: number): string {
  return path.join(dir, `pending-${pid}`);
}

export function liveMarkerPath(dir: string, pid: number): string {
  return path.join(dir, `live-${pid}`);
}

export class SessionMarkers {
  /** Session id → the pids whose pending markers are on (a session gains pids: --resume, a restart). */
  private written = new Map<string, Set<number>>();
  /** Claude pid → live connections standing for it. */
  private liveCount = new Map<number, number>();

  constructor(
    private readonly dir: string,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  pending(session: Session, pending: boolean): void {
    // Worst case the hook starts node for nothing, or waits for the next prompt.
    const on = this.written.get(session.id);
    if (pending) {
      const pids = on ?? new Set<number>();
      for (const pid of session.pids) {
        if (pid > 0 && !pids.has(pid)) {
          pids.add(pid);
          this.write(markerPath(this.dir, pid), '');
        }
      }
      this.written.set(session.id, pids);
    } else if (on) {
      for (const pid of on) this.write(markerPath(this.dir, pid), undefined);
      this.written.delete(session.id);
    }
  }

  /** A live connection for this Claude pid opened (`on`) or closed. */
  live(pid: number, on: boolean): void {
    if (!(pid > 0)) return;
    const n = (this.liveCount.get(pid) ?? 0) + (on ? 1 : -1);
    if (n > 0) this.liveCount.set(pid, n);
    else this.liveCount.delete(pid);
    // The trailing newline matters: the shell's `read` fails on a last line without one.
    if (on && n === 1) this.write(liveMarkerPath(this.dir, pid), `${process.pid}\n`);
    if (n === 0) this.write(liveMarkerPath(this.dir, pid), undefined);
  }

  /** The daemon is stopping: its live markers would soon name a dead pid anyway. */
  removeLive(): void {
    for (const pid of this.liveCount.keys()) this.write(liveMarkerPath(this.dir, pid), undefined);
    this.liveCount.clear();
  }

  private write(file: string, content: string | undefined): void {
    try {
      if (content !== undefined) fs.writeFileSync(file, content, { mode: 0o600 });
      else fs.rmSync(file, { force: true });
    } catch (err) {
      this.onError(err as Error);
    }
  }
}
