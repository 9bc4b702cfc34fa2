/**
 * The marker files in the socket dir that tell a session's hook whether to start node at all:
 * `pending-<pid>` (mail waits for that Claude Code process), `live-<pid>` (its MCP server is
 * connected and pushes) and `guard-<pid>` (another session holds something its edits could
 * collide with: the collision guard must look; it lists what, see guard-marker.ts). The daemon
 * writes them, the hooks test them, `doctor` reports leftovers.
 */
import * as path from 'node:path';

export function markerPath(dir: string, pid: number): string {
  return path.join(dir, `pending-${pid}`);
}

export function liveMarkerPath(dir: string, pid: number): string {
  return path.join(dir, `live-${pid}`);
}

export function guardMarkerPath(dir: string, pid: number): string {
  return path.join(dir, `guard-${pid}`);
}

/** A marker's file name: group 1 is its kind, group 2 the pid it stands for. */
export const MARKER_NAME = /^(pending|live|guard)-(\d+)$/;
