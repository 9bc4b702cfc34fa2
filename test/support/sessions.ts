/**
 * Sessions' MCP servers for tests that need several at once, made cheaper to start: each the
 * real bundle under a shell stand-in for its Claude process (no second node start), or the same
 * server in the test's own process (no node start at all), started side by side on a daemon
 * already running.
 */
import type { McpOptions, McpSession } from './mcp.ts';
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
 * A session's MCP server in this process (support/mcp-here.ts), closed with the test's projects:
 * for tests of what the server does (tools, claims, delivery), not of the server as a process.
 */
export function hereSession(project: Projects, p: TestProject, id: string, options: Omit<SessionSpec, 'id'> = {}): Promise<McpSession> {
  return project.mcp(p, id, { ...options, host: 'here' });
}

/**
 * Sessions started side by side; each is registered once this returns. The daemon is started
 * first, from here: sessions starting at once on a project with none would each spawn one, and
 * all but one would find the start lock taken and exit (a wasted daemon start each). For tests
 * where the order sessions come in is not the point.
 */
export function sessionsSideBySide<T extends (string | SessionSpec)[]>(project: Projects, p: TestProject, ...specs: T): Promise<{ [K in keyof T]: McpSession }> {
  return sideBySide('shell', project, p, specs);
}

/** The same, each session's server in this process (`hereSession`). */
export function sessionsHere<T extends (string | SessionSpec)[]>(project: Projects, p: TestProject, ...specs: T): Promise<{ [K in keyof T]: McpSession }> {
  return sideBySide('here', project, p, specs);
}

async function sideBySide<T extends (string | SessionSpec)[]>(host: McpOptions['host'], project: Projects, p: TestProject, specs: T): Promise<{ [K in keyof T]: McpSession }> {
  const warm = await p.connect();
  warm.client.close();
  return Promise.all(specs.map((s) => (typeof s === 'string' ? project.mcp(p, s, { host }) : project.mcp(p, s.id, { ...s, host })))) as Promise<{ [K in keyof T]: McpSession }>;
}
