/**
 * One empty file per Claude Code process that has unread messages:
 * `<socket dir>/pending-<CLAUDE_PID>`. The PostToolUse hook command tests for it in the shell
 * and starts node only when it exists, so the common case — nothing pending — costs a shell
 * `test`, not a Node start, on every tool call. Written on transitions only (empty ↔ pending).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Session } from './broker.ts';

export function markerPath(dir: string, pid: number): string {
  return path.join(dir, `pending-${pid}`);
}

export class PendingMarkers {
  /** Session id → whether its markers are on. */
  private state = new Map<string, boolean>();

  constructor(
    private readonly dir: string,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  set(session: Session, pending: boolean): void {
    if (this.state.get(session.id) === pending) return;
    this.state.set(session.id, pending);
    for (const pid of session.pids) {
      const file = markerPath(this.dir, pid);
      try {
        if (pending) fs.writeFileSync(file, '', { mode: 0o600 });
        else fs.rmSync(file, { force: true });
      } catch (err) {
        // Worst case the hook starts node for nothing, or waits for the next prompt.
        this.onError(err as Error);
      }
    }
  }
}
