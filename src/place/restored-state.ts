/**
 * Bus state as plain data, built by replaying the mailbox through the one reducer: what the CLI
 * shows when no daemon runs, and what a takeover compares. The daemon replays into its broker.
 */
import type { MessageRecord } from '../protocol/messages.ts';
import { claimMap, foldFederation, type BusState } from './apply-entry.ts';
import type { CursorEntry, FederationEntry, RestoredState, SessionEntry } from './mailbox-entries.ts';

export class RestoredStateBuilder implements BusState {
  private readonly state: RestoredState = { lastSeq: 0, messages: [], sessions: [], cursors: new Map(), claims: new Map(), workingSets: new Map() };
  private readonly sessions = new Map<string, SessionEntry>();
  readonly claims = claimMap(this.state.claims);
  readonly workingSets = this.state.workingSets;

  addMessage(record: MessageRecord): void {
    this.state.messages.push(record);
    this.raiseSeq(record.seq);
  }

  putSession(entry: SessionEntry): void {
    this.sessions.set(entry.id, entry);
  }

  setCursor(entry: CursorEntry): void {
    this.state.cursors.set(entry.id, entry);
  }

  raiseSeq(lastSeq: number): void {
    this.state.lastSeq = Math.max(this.state.lastSeq, lastSeq);
  }

  setFederation(entry: FederationEntry): void {
    this.state.federation = foldFederation(this.state.federation, entry);
  }

  /** The state, messages ascending by seq. */
  finish(): RestoredState {
    this.state.sessions = [...this.sessions.values()];
    this.state.messages.sort((a, b) => a.seq - b.seq);
    return this.state;
  }
}
