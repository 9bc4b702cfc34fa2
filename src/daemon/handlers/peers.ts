import { shortId } from '../../protocol/messages.ts';
import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

/** Who is working here now: sessions with a live connection. */
export const peers = defineHandler({
  method: 'peers',
  params: ParamSchemas.peers,
  handle(ctx, params) {
    const asker = params.sessionId ? ctx.broker.sessionById(params.sessionId) : undefined;
    return {
      peers: ctx.broker.peers().map((s) => ({
        sessionId: s.id,
        shortId: shortId(s.id),
        label: s.label,
        cwd: s.cwd,
        since: s.connectedSince ?? s.firstSeen,
        lastActivity: s.lastSeen,
        ...(s === asker ? { you: true } : {}),
      })),
    };
  },
});
