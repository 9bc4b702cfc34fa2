import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

export const claims = defineHandler({
  method: 'claims',
  params: ParamSchemas.claims as never,
  handle: (ctx) => ({ claims: ctx.broker.claims.list(ctx.now()) }),
});
