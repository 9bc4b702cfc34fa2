/**
 * Files in the socket directory that let the hook commands decide in the shell, without starting
 * Node, that there is nothing to do — the common case, paid on every prompt and tool call:
 *
 *   pending-<CLAUDE_PID>  empty; this Claude Code process has unread messages. Written on
 *                         transitions only (empty ↔ pending), just after the reply that caused it.
 *   live-<CLAUDE_PID>     holds this daemon's pid; the session's MCP server is connected, so the
 *                         broker knows the session and its pending marker is kept up to date.
 *
 * The prompt hook skips Node when there is no pending marker and a live marker names a daemon
 * that is running; a marker left by a killed daemon names a dead pid, and Node runs as before.
 *
 * A pid only locates markers: a marker is written for a pid whose process runs and whose
 * current session (the one last seen in it) is the one with mail, and markers of processes that
 * are gone are swept away (at start, after the socket dir was made again, and every few
 * minutes), so short sessions leave nothing behind and a reused pid does not inherit a marker.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Session } from './broker.ts';
import { isAlive } from '../place/liveness.ts';
import { guardMarkerPath, liveMarkerPath, MARKER_NAME, markerPath } from '../place/markers.ts';

export class SessionMarkers {
  /**
   * Pid → its pending marker as this daemon last wrote it: on, or off (removed, so no stale file
   * from an earlier daemon is left either). A pid not here has not been written yet.
   */
  private written = new Map<number, 'on' | 'off'>();
  /** Claude pid → live connections standing for it. */
  private liveCount = new Map<number, number>();
  /**
   * Pids found gone, with the session they were found gone for: not asked again on every
   * accepted batch (a failed kill(pid, 0) throws, and exceptions on the broadcast path cost
   * throughput). A pid a new session is seen in is asked again.
   */
  private gone = new Map<number, Session>();
  /** Live pids whose guard marker is there, and what it holds (see guards). */
  private guarded = new Map<number, string>();
  /** Sessions whose pending state changed this turn, and to what (see pending). */
  private queued = new Map<Session, boolean>();

  constructor(
    private readonly dir: string,
    /** The session a pid runs now: only its mail puts a marker there. */
    private readonly sessionOfPid: (pid: number) => Session | undefined,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  /**
   * Sets or clears a session's pending markers: after the current turn, so the file work of a
   * broadcast to many sessions (or of their acknowledgements) is never on the path of a reply.
   * The last call for a session in a turn wins.
   */
  pending(session: Session, pending: boolean): void {
    this.queued.set(session, pending);
    if (this.queued.size === 1) setImmediate(() => this.flush());
  }

  /** Writes what `pending` queued. */
  private flush(): void {
    const queued = this.queued;
    this.queued = new Map();
    for (const [session, pending] of queued) this.write1(session, pending);
  }

  private write1(session: Session, pending: boolean): void {
    // Worst case the hook starts node for nothing, or waits for the next prompt.
    for (const pid of session.pids) {
      if (!(pid > 0) || this.sessionOfPid(pid) !== session) continue;
      if (pending) {
        if (this.written.get(pid) === 'on' || this.gone.get(pid) === session) continue;
        if (!isAlive(pid)) {
          this.gone.set(pid, session);
          continue;
        }
        this.written.set(pid, 'on');
        this.write(markerPath(this.dir, pid), '');
      } else if (this.written.get(pid) !== 'off') {
        this.written.set(pid, 'off');
        this.write(markerPath(this.dir, pid), undefined);
      }
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

  /**
   * Guard markers for every live Claude pid: present while `contentFor` gives its session one
   * (another session holds something this session's edits could collide with), holding what
   * the edit guard's hook reads (place/guard-marker.ts). Written when the content changes.
   */
  guards(contentFor: (session: Session) => string | undefined): void {
    for (const pid of this.liveCount.keys()) {
      const session = this.sessionOfPid(pid);
      const content = session === undefined ? undefined : contentFor(session);
      if (this.guarded.get(pid) === content) continue;
      // A write that failed is tried again at the next change (a torn one reads as not understood: the hook asks).
      const written = this.write(guardMarkerPath(this.dir, pid), content);
      if (content === undefined || !written) this.guarded.delete(pid);
      else this.guarded.set(pid, content);
    }
    for (const pid of this.guarded.keys()) {
      if (this.liveCount.has(pid)) continue;
      this.guarded.delete(pid);
      this.write(guardMarkerPath(this.dir, pid), undefined);
    }
  }

  /** The daemon is stopping: its live markers would soon name a dead pid anyway. */
  removeLive(): void {
    for (const pid of this.liveCount.keys()) this.write(liveMarkerPath(this.dir, pid), undefined);
    for (const pid of this.guarded.keys()) this.write(guardMarkerPath(this.dir, pid), undefined);
    this.guarded.clear();
    this.liveCount.clear();
  }

  /** Removes the markers of Claude processes that are gone (killed, ended, or from before a restart). */
  sweep(): number {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const m = MARKER_NAME.exec(name);
      if (!m) continue;
      const pid = Number(m[2]);
      if (isAlive(pid)) continue;
      this.write(path.join(this.dir, name), undefined);
      this.written.set(pid, 'off');
      removed += 1;
    }
    // Forgotten sessions' pids need not be remembered as gone: the next session there is asked.
    this.gone.clear();
    return removed;
  }

  /** The socket dir was made anew: every marker is written again from the broker's state. */
  rewriteAll(sessions: Session[], hasPending: (s: Session) => boolean): void {
    this.written.clear();
    for (const pid of this.liveCount.keys()) this.write(liveMarkerPath(this.dir, pid), `${process.pid}\n`);
    for (const s of sessions) if (hasPending(s)) this.pending(s, true);
  }

  private write(file: string, content: string | undefined): boolean {
    try {
      if (content !== undefined) fs.writeFileSync(file, content, { mode: 0o600 });
      else fs.rmSync(file, { force: true });
      return true;
    } catch (err) {
      this.onError(err as Error);
      return false;
    }
  }
}
