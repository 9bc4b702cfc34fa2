/** Version of this build; a test keeps it equal to package.json's. */
export const VERSION = '0.3.0';

/**
 * Wire protocol version. Bumped only for incompatible changes: a client and a daemon with the
 * same protocol can always talk, whatever their VERSIONs; a daemon with an older protocol is
 * replaced, one with a newer protocol is an error for the older client (never a replace loop).
 */
export const PROTOCOL_VERSION = 1;

/** Compares dotted versions numerically: negative when `a` is older than `b`. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A peer (daemon) that a build with `protocol` and `version` replaces: older protocol or older version. */
export function isOlderThan(peer: { protocol: number; version: string }, protocol: number, version: string): boolean {
  return peer.protocol < protocol || compareVersions(peer.version, version) < 0;
}
