/**
 * What a claim or release names, decided in the daemon, the one place every claim and release
 * passes, whichever client sent it (the MCP server, an older plugin, a raw client); the daemon
 * runs on the same host as its sessions and knows each one's folder. The paths are read as
 * place/worktree-path.ts reads them.
 */
import { BusError, ErrorCode } from '../protocol/errors.ts';
import { defaultRoot, worktreePath, worktreeRoot } from '../place/worktree-path.ts';
import { isName } from './claims.ts';

/**
 * The resource a claim or release names: a name (`port:1420`) as given, a path or glob as its
 * repository-relative canonical form for a session working in `cwd`. A relative path is the
 * session's worktree's; an absolute one may name a file in any worktree of the repository (the
 * same relative path there is the same claim). Refuses a path outside all of them.
 */
export function claimResource(resource: string, cwd: string | undefined, busRoot: string): string {
  const given = resource.trim();
  if (isName(given)) return given;
  const at = worktreePath(given, cwd, busRoot);
  if (at) return at.path;
  throw new BusError(ErrorCode.OutsideRepository, { resource: given, root: worktreeRoot(cwd ?? defaultRoot(busRoot)) });
}
