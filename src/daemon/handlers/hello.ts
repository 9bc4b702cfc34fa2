import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/** Versions and root, so a client can tell whether this daemon is the one it wants. */
export const hello = defineHandler({
  method: 'hello',
  get params() {
    return paramSchemas().hello;
  },
  handle: (ctx) => ({
    protocol: ctx.info.protocol,
    version: ctx.info.version,
    pid: ctx.info.pid,
    root: ctx.info.root,
    startedAt: ctx.info.startedAt,
  }),
});
