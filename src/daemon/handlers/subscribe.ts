import { selectHistory } from '../../protocol/history.ts';
import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/**
 * Makes this connection a watcher (`session-bus tail -f`): it gets the history asked for now,
 * then every accepted message as a `message` notification. A watcher is not a session: it is
 * not in `peers`, has no queue and moves no one's position. The history and the switch happen
 * in one turn, so nothing falls between them, and a message applied before it whose notice is
 * still due is not noticed to this watcher again (it is in the history); one whose seq is
 * stamped but whose mailbox write is still going is not in the history and is noticed once
 * written (the watcher's mark is the last recorded seq, not the last stamped). A notification
 * may arrive before this reply, and the reader orders by seq.
 */
export const subscribe = defineHandler({
  method: 'subscribe',
  get params() {
    return paramSchemas().subscribe;
  },
  handle(ctx, params, conn) {
    conn.watchingAfter = ctx.broker.recordedSeq;
    return { ...selectHistory(ctx.broker.retained(), params), lastSeq: ctx.broker.recordedSeq };
  },
});
