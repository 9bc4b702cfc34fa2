import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/**
 * Makes a session known. A live registration (the MCP server's) ties the session's presence to
 * this connection: it is connected until the connection closes.
 */
export const register = defineHandler({
  method: 'register',
  get params() {
    return paramSchemas().register;
  },
  async handle(ctx, params, conn) {
    const session = await ctx.sessionFor(params, { joinByPid: !params.live });
    // A session seen again under a new Claude pid (--resume) needs its pending marker there too.
    ctx.pendingChanged(session);
    if (params.live && conn.session !== session) {
      if (conn.session) ctx.broker.disconnect(conn.session, ctx.now());
      conn.session = session;
      ctx.broker.connect(session, ctx.now());
    }
    if (params.live && conn.livePid !== params.pid) {
      if (conn.livePid !== undefined) ctx.liveChanged(conn.livePid, false);
      conn.livePid = params.pid;
      ctx.liveChanged(params.pid, true);
    }
    if (params.push) conn.push = params.push;
    return { cursor: session.cursor };
  },
});
