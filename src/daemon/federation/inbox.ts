/**
 * What federation has taken in from the other hosts, for exactly-once intake: per host a floor
 * (every seq up to it was taken in, kept in the mailbox's `fed` entry) and the seqs above it
 * (rebuilt from the retained messages' `remoteId`s on restart, in any order). Pure.
 */
import type { MessageRecord } from '../../protocol/messages.ts';
import type { FederationPosition } from '../../place/mailbox-entries.ts';

export class InboundLedger {
  /** Per other host: its seqs up to here were taken in (see FederationPosition). */
  private readonly floor: Map<string, number>;
  /** Per other host: its seqs above the floor taken in (from the retained log, and since). */
  private readonly seen = new Map<string, Set<number>>();

  constructor(position: FederationPosition | undefined, retained: readonly MessageRecord[]) {
    this.floor = new Map(position?.received ?? []);
    for (const r of retained) if (r.remoteId) this.markSeen(r.remoteId);
  }

  markSeen(remoteId: string): void {
    const id = parseId(remoteId);
    if (!id) return;
    let set = this.seen.get(id.hostId);
    if (!set) this.seen.set(id.hostId, (set = new Set()));
    set.add(id.seq);
  }

  taken(hostId: string, seq: number): boolean {
    return seq <= (this.floor.get(hostId) ?? 0) || (this.seen.get(hostId)?.has(seq) ?? false);
  }

  /**
   * The floors a compacted mailbox keeps. Retention drops the oldest messages first, so a host's
   * floor rises to just below its oldest message still retained (or to the highest taken in when
   * none is); the seqs at or below it are forgotten.
   */
  floors(retained: readonly MessageRecord[]): Record<string, number> {
    const oldest = new Map<string, number>();
    for (const r of retained) {
      const id = parseId(r.remoteId);
      if (id && !oldest.has(id.hostId)) oldest.set(id.hostId, id.seq);
    }
    for (const [hostId, seqs] of this.seen) {
      const keep = oldest.get(hostId);
      const floor = Math.max(this.floor.get(hostId) ?? 0, keep !== undefined ? keep - 1 : Math.max(0, ...seqs));
      this.floor.set(hostId, floor);
      for (const s of seqs) if (s <= floor) seqs.delete(s);
    }
    return Object.fromEntries(this.floor);
  }
}

function parseId(remoteId: string | undefined): { hostId: string; seq: number } | undefined {
  if (!remoteId) return undefined;
  const at = remoteId.lastIndexOf(':');
  const seq = Number(remoteId.slice(at + 1));
  if (at <= 0 || !Number.isInteger(seq)) return undefined;
  return { hostId: remoteId.slice(0, at), seq };
}
