import type { Connection } from '../src/client/connect.ts';
import type { MessageRecord, SessionIdentity } from '../src/protocol/messages.ts';

/**
 * A session that drains on every wake, as the MCP server's pusher does (without its deliberate
 * 150 ms coalescing): one drain at a time, and another right after if a wake came meanwhile.
 * `got` sees each drain's messages and when its reply arrived. Returns the drain, to call once
 * more at the end.
 */
export function drainOnWake(conn: Connection, who: SessionIdentity, got: (messages: MessageRecord[], at: number) => void): () => Promise<void> {
  let draining = false;
  let again = false;
  const drain = async (): Promise<void> => {
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    try {
      do {
        again = false;
        const { messages } = await conn.client.request('drain', { ...who, via: 'push' });
        got(messages, performance.now());
      } while (again);
    } finally {
      draining = false;
    }
  };
  conn.client.onNotification = (method) => {
    if (method === 'wake') void drain();
  };
  return drain;
}
