import { selectHistory } from '../../protocol/history.ts';
import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/** The retained messages, filtered (`session-bus log`, `tail -n`). Read-only: no session, no position. */
export const history = defineHandler({
  method: 'history',
  get params() {
    return paramSchemas().history;
  },
  handle(ctx, params) {
    return { ...selectHistory(ctx.broker.retained(), params), lastSeq: ctx.broker.recordedSeq };
  },
});
