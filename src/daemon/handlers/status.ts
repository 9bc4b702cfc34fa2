/** The daemon's state for `session-bus status` and `doctor`: sessions, claims, settings, federation. */
import { MAX_STATUS_SESSIONS } from '../../protocol/limits.ts';
import type { SessionStatus } from '../../protocol/messages.ts';
import { paramSchemas } from '../schema-loader.ts';
import type { Session } from '../broker.ts';
import { defineHandler } from '../context.ts';

/** Connected sessions, then the most recently seen, up to the cap; the rest only counted. */
function listedSessions(all: Session[], describe: (s: Session) => SessionStatus): { sessions: SessionStatus[]; sessionsOmitted?: number } {
  const ordered = [...all].sort((a, b) => Number(b.connections > 0) - Number(a.connections > 0) || b.lastSeen - a.lastSeen);
  const shown = ordered.slice(0, Math.max(MAX_STATUS_SESSIONS, ordered.filter((s) => s.connections > 0).length));
  const omitted = ordered.length - shown.length;
  return { sessions: shown.map(describe), ...(omitted > 0 ? { sessionsOmitted: omitted } : {}) };
}

export const status = defineHandler({
  method: 'status',
  get params() {
    return paramSchemas().status as never;
  },
  handle(ctx) {
    const now = ctx.now();
    const { broker, info } = ctx;
    return {
      pid: info.pid,
      version: info.version,
      protocol: info.protocol,
      root: info.root,
      startedAt: info.startedAt,
      uptimeMs: now - info.startedAt,
      socketPath: info.socketPath,
      logPath: info.logPath,
      mailboxPath: info.mailboxPath,
      messageCount: broker.messageCount,
      lastSeq: broker.lastSeq,
      ...listedSessions(broker.sessionList(), (s) => broker.statusOf(s)),
      claims: [...broker.claims.list(now), ...ctx.federation.remoteClaims(now)],
      federation: ctx.federation.status(),
      settings: info.settings,
    };
  },
});
