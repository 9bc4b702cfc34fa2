/** Who else is here: the live local sessions, and (with federation) those on the other hosts. */
import { shortId, type PeerInfo } from '../../protocol/messages.ts';
import { paramSchemas } from '../schema-loader.ts';
import { defineHandler, type DaemonContext } from '../context.ts';
import type { Session } from '../broker.ts';

/** Sessions on the other hosts of a federated bus, labelled `label@host`. */
export function remotePeers(ctx: DaemonContext): PeerInfo[] {
  return ctx.federation.remoteHosts().flatMap((h) =>
    h.sessions.map((s) => ({ sessionId: s.sessionId, shortId: s.shortId, label: `${s.label}@${h.name}`, cwd: s.cwd, since: s.since, lastActivity: h.lastSeen, host: h.name })),
  );
}

/** A live session here as `peers` and the briefing show it (with its working set, if any). */
export function localPeer(ctx: DaemonContext, s: Session): PeerInfo {
  const editing = ctx.broker.editingOf(s);
  return { sessionId: s.id, shortId: shortId(s.id), label: s.label, cwd: s.cwd, since: s.connectedSince ?? s.firstSeen, lastActivity: s.lastSeen, ...(editing ? { editing } : {}) };
}

/** Who is working here now: sessions with a live connection (and, federated, on the other hosts). */
export const peers = defineHandler({
  method: 'peers',
  get params() {
    return paramSchemas().peers;
  },
  handle(ctx, params) {
    const asker = params.sessionId ? ctx.broker.sessionById(params.sessionId) : undefined;
    return {
      peers: [
        ...ctx.broker.peers().map((s) => (s === asker ? { ...localPeer(ctx, s), you: true } : localPeer(ctx, s))),
        ...remotePeers(ctx),
      ],
    };
  },
});
