/**
 * What the daemon reports about itself (the `status` reply): its sessions, settings and
 * federation state. Plain types, like messages.ts, which re-exports them with the other methods.
 */
import type { ClaimInfo, DeliveryPath } from './messages.ts';

export interface SessionStatus {
  sessionId: string;
  shortId: string;
  label: string;
  pid: number;
  cwd?: string;
  connected: boolean;
  queueDepth: number;
  cursor: number;
  firstSeen: number;
  lastSeen: number;
  /** How and when messages last reached it. */
  lastReached?: { via: DeliveryPath; at: number };
  /** Its working set: how many files it changed and has not committed, and the first few. */
  editing?: WorkingSetSummary;
}

export interface WorkingSetSummary {
  count: number;
  paths: string[];
}

/** One daemon setting as it is in force, and where it came from (see src/place/settings.ts). */
export interface SettingReport {
  key: string;
  env: string;
  value: string;
  source: 'env' | 'file' | 'default';
}

export interface StatusResult {
  pid: number;
  version: string;
  protocol: number;
  root: string;
  startedAt: number;
  uptimeMs: number;
  socketPath: string;
  logPath: string;
  mailboxPath: string;
  messageCount: number;
  lastSeq: number;
  /**
   * The sessions connected now and those seen most recently, newest first, at most
   * MAX_STATUS_SESSIONS: a bus remembers thousands, and status must stay one quick, small reply.
   */
  sessions: SessionStatus[];
  /** Remembered sessions left out of `sessions` (not connected, seen longer ago). */
  sessionsOmitted?: number;
  claims: ClaimInfo[];
  /** Brokers on other hosts sharing this bus through NATS (SESSION_BUS_NATS_URL). */
  federation: FederationStatus;
  /** The daemon's settings in force and their sources; absent from older daemons. */
  settings?: SettingReport[];
}

/**
 * Federation through NATS JetStream, as the status reply reports it.
 *   off           SESSION_BUS_NATS_URL is not set: nothing leaves this host.
 *   refused       set, but federation cannot start (`reason` says why, e.g. no project key).
 *   connecting    first connection not made yet.
 *   connected     publishing, consuming, presence and claims shared.
 *   disconnected  NATS unreachable: the local bus works, messages wait in the outbox, claims are local only.
 */
export const FEDERATION_STATES = ['off', 'refused', 'connecting', 'connected', 'disconnected'] as const;
export type FederationState = (typeof FEDERATION_STATES)[number];

export interface FederationHostSession {
  sessionId: string;
  shortId: string;
  label: string;
  cwd?: string;
  since: number;
}

/** Another host on the bus, from its presence entry (gone once the entry's TTL runs out). */
export interface FederationHost {
  id: string;
  name: string;
  sessions: FederationHostSession[];
  /** When this host last saw it refresh its presence (this host's clock). */
  lastSeen: number;
  /** How far its clock is from the NATS server's (plus one trip): positive is ahead. */
  clockSkewMs?: number;
}

export interface FederationStatus {
  state: FederationState;
  /** Why federation is refused, or the last connection error. */
  reason?: string;
  /** Refused: which setting to change and how. */
  fix?: string;
  /** The NATS URL with any credentials removed. */
  url?: string;
  /** The project key: subject, stream and buckets are named after it. */
  project?: string;
  subject?: string;
  /** This host: a durable random id and a display name. */
  host?: { id: string; name: string };
  /** When `state` last changed. */
  since?: number;
  /** Local messages not yet confirmed by JetStream (store and forward). */
  outbox: number;
  /** The last local seq JetStream confirmed. */
  publishedSeq?: number;
  /** Messages from other hosts waiting in this host's consumer. */
  inboundPending: number;
  /** Messages from other hosts taken into the local mailbox since start. */
  received: number;
  lastReceivedAt?: number;
  /** True while claims cannot be checked against other hosts. */
  claimsLocalOnly: boolean;
  /** The bus's lease (the claims bucket's TTL, which every host obeys), once connected. */
  leaseMs?: number;
  warnings: string[];
  /** Other hosts present on the bus, with their live sessions. */
  hosts: FederationHost[];
}
