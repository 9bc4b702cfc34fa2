import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/** Asked by `session-bus stop`, or by a newer client replacing this daemon. */
export const shutdown = defineHandler({
  method: 'shutdown',
  get params() {
    return paramSchemas().shutdown;
  },
  handle(ctx, params) {
    ctx.logger.info({ reason: params.reason }, 'shutdown requested');
    // After the reply is written.
    setImmediate(() => ctx.shutdown(params.reason ?? 'requested'));
    return { ok: true as const };
  },
});
