/**
 * Sessions' real MCP servers for tests that need several at once, made cheaper to start: each
 * under a shell stand-in for its Claude process (no second node start), and started side by side
 * on a daemon already running.
 */
import type { McpSession } from './mcp.ts';
import type { Projects, TestProject } from './project.ts';

export interface SessionSpec {
  id: string;
  /** The session's folder (a worktree); the project's by default. */
  dir?: string;
  env?: NodeJS.ProcessEnv;
}

/** A session's MCP server under a shell stand-in for its Claude process, closed with the test's projects. */
export function shellSession(project: Projects, p: TestProject, id: string, options: Omit<SessionSpec, 'id'> = {}): Promise<McpSession> {
  return project.mcp(p, id, { ...options, host: 'shell' });
}

/**
 * Sessions started side by side; each is registered once this returns. The daemon is started
 * first, from here: sessions starting at once on a project with none would each spawn one, and
 * all but one would find the start lock taken and exit (a wasted daemon start each). For tests
 * where the order sessions come in is not the point.
 */
export async function sessionsSideBySide<T extends (string | SessionSpec)[]>(project: Projects, p: TestProject, ...specs: T): Promise<{ [K in keyof T]: McpSession }> {
  const warm = await p.connect();
  warm.client.close();
  return Promise.all(specs.map((s) => (typeof s === 'string' ? shellSession(project, p, s) : shellSession(project, p, s.id, s)))) as Promise<{ [K in keyof T]: McpSession }>;
}
