import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

export const status = defineHandler({
  method: 'status',
  params: ParamSchemas.status as never,
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
      sessions: broker.sessionList().map((s) => broker.statusOf(s)),
      claims: [...broker.claims.list(now), ...(ctx.federation?.remoteClaims(now) ?? [])],
      federation: ctx.federationStatus(),
      settings: info.settings,
    };
  },
});
