/**
 * Wires federation into the daemon: reads its settings, and when SESSION_BUS_NATS_URL is set,
 * starts the NATS link with the daemon's seam (messages from other hosts enter the local log
 * like any accepted message, stamped with a local seq and their `remoteId`).
 */
import { shortId, type FederationStatus } from '../../protocol/messages.ts';
import type { ProjectLocation } from '../../place/project.ts';
import type { FederationPosition } from '../../place/mailbox-entries.ts';
import type { DaemonContext, FederationPort } from '../context.ts';
import type { FederationEntry, LogEntry } from '../../place/mailbox-entries.ts';
import { readFederationConfig, type FederationConfig, type FederationSettings } from './config.ts';
import { messageId } from './message-id.ts';

const EMPTY = { outbox: 0, inboundPending: 0, received: 0, claimsLocalOnly: false, warnings: [], hosts: [] };

/** The port when federation is off or refused: shares nothing, keeps the recorded position. */
export function federationOff(status: FederationStatus = { state: 'off', ...EMPTY }, kept: LogEntry[] = []): FederationPort {
  return {
    sharesClaims: false,
    acquire: async () => ({ ok: true }),
    settled: () => undefined,
    remoteClaims: () => [],
    remoteHosts: () => [],
    status: () => status,
    onAccepted: () => undefined,
    claimsChanged: () => undefined,
    snapshotEntries: () => kept,
    stop: async () => undefined,
  };
}

/**
 * The port while the NATS client loads (a large bundle, daemon-federation.cjs, loaded on demand): status says
 * `connecting`, not `off`, and a claim meanwhile is granted here only, saying so (never a
 * silent grant); the real port shares it once it runs.
 */
export function federationStarting(settings: FederationSettings, kept: LogEntry[]): FederationPort {
  const status: FederationStatus = { state: 'connecting', url: settings.displayUrl, project: settings.project, ...EMPTY, claimsLocalOnly: true };
  return {
    ...federationOff(status, kept),
    sharesClaims: true,
    acquire: async () => ({ ok: true, warning: 'local only: another host may hold it (federation is starting). It is shared when NATS answers; a conflict is then reported in status.' }),
  };
}

/** `starting` receives a stand-in port before the NATS client loads (see federationStarting). */
export async function startFederation(
  ctx: DaemonContext,
  location: ProjectLocation,
  position: FederationPosition | undefined,
  env: NodeJS.ProcessEnv = process.env,
  starting: (port: FederationPort) => void = () => undefined,
): Promise<FederationPort> {
  const kept: LogEntry[] = position ? [positionEntry(position)] : [];
  const config = readFederationConfig(env, location.inGit ? location.busRoot : undefined);
  if (config.mode === 'off') return federationOff(undefined, kept);
  if (config.mode === 'refused') {
    ctx.logger.error({ url: config.displayUrl, reason: config.reason }, `federation refused to start: ${config.reason}`);
    return federationOff(refusedStatus(config), kept);
  }
  const { settings } = config;
  starting(federationStarting(settings, kept));
  const broker = ctx.broker;
  // Loaded only here: the NATS client is most of the daemon's code, and a daemon that does not
  // federate should not pay its start-up (the build puts it in a bundle of its own, daemon-federation.cjs); nor
  // node:crypto, which only the host id needs.
  const [{ Federation }, { loadHostId }] = await Promise.all([import('./federation.ts'), import('./host-id.ts')]);
  const host = loadHostId(location.mailboxDir);
  const federation = new Federation(
    settings,
    host,
    {
      logger: ctx.logger,
      async ingest(m) {
        const record = broker.stamp({ sessionId: m.sessionId, pid: 0, label: `${m.from}@${m.host}` }, m.kind, m.text, ctx.now(), m.to);
        record.host = m.host;
        record.remoteId = messageId(m.hostId, m.seq);
        await ctx.commit({ entries: [], records: [record] });
      },
      persist: (entry) => ctx.commit({ entries: [entry], records: [] }),
      localSessions: () => broker.peers().map((s) => ({ sessionId: s.id, shortId: shortId(s.id), label: s.label, ...(s.cwd ? { cwd: s.cwd } : {}), since: s.connectedSince ?? s.firstSeen })),
      localClaims: () => broker.claims.list(ctx.now()),
      isLocalSession: (id) => broker.sessionById(id) !== undefined,
    },
    position,
    broker.lastSeq,
    (seq) => broker.messagesAfter(seq),
  );
  ctx.logger.info({ url: settings.displayUrl, project: settings.project, host: settings.hostName, hostId: host.id }, 'federation starting');
  federation.start();
  return {
    sharesClaims: true,
    acquire: (claim) => federation.acquire(claim),
    settled: (resource) => federation.settled(resource),
    remoteClaims: (now) => federation.remoteClaims(now),
    remoteHosts: () => federation.remoteHosts(),
    status: () => federation.status(),
    onAccepted: (records) => federation.onAccepted(records),
    claimsChanged: () => federation.claimsChanged(),
    snapshotEntries: () => [federation.snapshotEntry()],
    stop: () => federation.stop(),
  };
}

/** What status says of settings federation refused: the reason and the fix. */
export function refusedStatus(config: Extract<FederationConfig, { mode: 'refused' }>): FederationStatus {
  return { state: 'refused', reason: config.reason, fix: config.fix, url: config.displayUrl, ...EMPTY, claimsLocalOnly: true, warnings: [`federation is not running: ${config.reason}`] };
}

function positionEntry(p: FederationPosition): FederationEntry {
  return { type: 'fed', published: p.published ?? 0, received: Object.fromEntries(p.received) };
}
