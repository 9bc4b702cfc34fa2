import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/** What is claimed now: here, and (with federation) on the other hosts. */
export const claims = defineHandler({
  method: 'claims',
  get params() {
    return paramSchemas().claims as never;
  },
  handle: (ctx) => ({ claims: [...ctx.broker.claims.list(ctx.now()), ...ctx.federation.remoteClaims(ctx.now())] }),
});
