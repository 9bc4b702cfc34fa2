/**
 * The marker files in the socket dir that tell a session's hook whether to start node at all:
 * `pending-<pid>` (mail waits for that Claude Code process) and `live-<pid>` (its MCP server is
 * connected and pushes). The daemon writes them, the hook tests them, `doctor` reports leftovers.
 */
import * as path from 'node:path';

export function markerPath(dir: string, pid: number): string {
  return path.join(dir, `pending-${pid}`);
}

export function liveMarkerPath(dir: string, pid: number): string {
  return path.join(dir, `live-${pid}`);
}

/** A marker's file name: group 1 is its kind, group 2 the pid it stands for. */
export const MARKER_NAME = /^(pending|live)-(\d+)$/;
