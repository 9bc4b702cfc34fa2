import { ParamSchemas } from '../param-schemas.ts';
import { defineHandler } from '../context.ts';

/** What is claimed now: here, and (with federation) on the other hosts. */
export const claims = defineHandler({
  method: 'claims',
  get params() {
    return ParamSchemas.claims as never;
  },
  handle: (ctx) => ({ claims: [...ctx.broker.claims.list(ctx.now()), ...ctx.federation.remoteClaims(ctx.now())] }),
});
