/**
 * The sessions a broker knows: found by any id they have had, by the Claude pid they run in now,
 * or by their first id (their key in the log). Pure; the broker decides, this keeps the indexes.
 */
import type { SessionIdentity } from '../protocol/messages.ts';
import type { CursorEntry, LogEntry, SessionEntry } from '../place/mailbox-entries.ts';
import { cursorEntry, sessionEntry, type RecipientOutcome, type Session } from './broker-types.ts';
import { matchRecipients, type RecipientCandidate } from './recipients.ts';

export class SessionRegistry {
  private sessions = new Map<string, Session>();
  /** Any id a session has had → the session. */
  private byId = new Map<string, Session>();
  /**
   * Claude pid → the session last seen running in it. A pid locates a session's markers and
   * nothing more: pids are reused, and a session is its session id.
   */
  private byPid = new Map<number, Session>();

  get size(): number {
    return this.sessions.size;
  }

  /**
   * Finds the session a caller speaks for, or decides to create it; changes nothing (the entries
   * returned do, once recorded: put). A new session id from a Claude Code process whose session
   * is connected now (hooks after `/clear`; its MCP server keeps the first id) joins that session,
   * so its own earlier messages stay its own and its position carries over. A pid whose session
   * is not connected is a reused pid: a new session, not an old one. A live registration (an MCP
   * server, which keeps its spawn id) never joins by pid: an unknown id there is a new session,
   * even at a pid another pid namespace (a container) also uses.
   */
  resolve(who: SessionIdentity, now: number, firstCursor: () => number, joinByPid = true): { session: Session; entries: LogEntry[] } {
    let session = this.byId.get(who.sessionId);
    const ids = session ? undefined : [who.sessionId];
    if (!session && who.pid > 0 && joinByPid) {
      const running = this.byPid.get(who.pid);
      session = running && running.connections > 0 ? running : undefined;
    }
    if (!session) {
      const created: Session = {
        id: who.sessionId,
        ids: new Set(ids),
        pids: new Set(who.pid > 0 ? [who.pid] : []),
        label: who.label,
        cwd: who.cwd,
        cursor: firstCursor(),
        firstSeen: now,
        lastSeen: now,
        connections: 0,
      };
      return { session: created, entries: [sessionEntry(created), cursorEntry(created, now)] };
    }
    const next = sessionEntry(session);
    let changed = false;
    if (ids) {
      next.ids.push(who.sessionId);
      changed = true;
    }
    if (who.pid > 0 && !session.pids.has(who.pid)) {
      next.pids.push(who.pid);
      changed = true;
    }
    // The label follows the session's first id: after /clear, hooks come with a new id (and so a
    // new short id in their label) while the MCP server keeps the first; one label, not two.
    if (who.sessionId === session.id && who.label && who.label !== session.label) {
      next.label = who.label;
      changed = true;
    }
    if (who.cwd && who.cwd !== session.cwd) {
      next.cwd = who.cwd;
      changed = true;
    }
    return { session, entries: changed ? [next] : [] };
  }

  /** A session entry recorded: the session as the entry says (created at `cursor` when new). */
  put(entry: SessionEntry, cursor: number): void {
    let s = this.sessions.get(entry.id);
    if (!s) {
      s = { id: entry.id, ids: new Set(), pids: new Set(), label: entry.label, cursor, firstSeen: entry.firstSeen, lastSeen: entry.firstSeen, connections: 0 };
      this.sessions.set(s.id, s);
    }
    s.ids = new Set([entry.id, ...entry.ids]);
    s.pids = new Set(entry.pids);
    s.label = entry.label;
    s.cwd = entry.cwd;
    s.firstSeen = entry.firstSeen;
    for (const id of s.ids) this.byId.set(id, s);
    for (const pid of s.pids) {
      const before = this.byPid.get(pid);
      if (!before || before.lastSeen <= s.lastSeen) this.byPid.set(pid, s);
    }
  }

  /** A position recorded. */
  setCursor(entry: CursorEntry): void {
    const s = this.sessions.get(entry.id);
    if (!s) return;
    s.cursor = entry.seq;
    s.lastSeen = Math.max(s.lastSeen, entry.ts);
  }

  /**
   * The session was just heard from, running in `pid`: runtime facts, not recorded (the log has
   * the pids a session ran in; which one runs it now is what the markers need).
   */
  touch(session: Session, pid: number, now: number): void {
    session.lastSeen = now;
    if (pid > 0 && session.pids.has(pid)) this.byPid.set(pid, session);
  }

  connect(session: Session, now: number): void {
    if (session.connections === 0) session.connectedSince = now;
    session.connections += 1;
  }

  disconnect(session: Session, now: number): void {
    session.connections = Math.max(0, session.connections - 1);
    if (session.connections === 0) session.connectedSince = undefined;
    session.lastSeen = now;
  }

  /** Live sessions: an open MCP connection each. */
  peers(): Session[] {
    return this.list()
      .filter((s) => s.connections > 0)
      .sort((a, b) => (a.connectedSince ?? 0) - (b.connectedSince ?? 0));
  }

  byAnyId(id: string): Session | undefined {
    return this.byId.get(id);
  }

  /** By the first id, the session's key in the log. */
  byKey(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  list(): Session[] {
    return [...this.sessions.values()];
  }

  /** The session a Claude pid runs now (its markers are this session's), if any. */
  ofPid(pid: number): Session | undefined {
    return this.byPid.get(pid);
  }

  /** Direct-message recipients among the live peers (and `remote`: another host's live sessions); see matchRecipients. */
  recipients(sender: Session, tokens: string[], remote: readonly RecipientCandidate[] = []): RecipientOutcome {
    const local = this.peers()
      .filter((s) => s !== sender)
      .map((s) => ({ id: s.id, ids: s.ids, names: [s.label], shown: s.label }));
    return matchRecipients(tokens, [...local, ...remote]);
  }

  forget(s: Session): void {
    this.sessions.delete(s.id);
    for (const id of s.ids) this.byId.delete(id);
    for (const pid of s.pids) if (this.byPid.get(pid) === s) this.byPid.delete(pid);
  }
}
