/**
 * One request to its handler: the method looked up in the table (one handler per method), its
 * params checked by the handler's schema, the identity filed, and what the handler throws
 * turned into an error as data. Returns the handler's result or throws a BusError; the RPC peer
 * makes either the reply.
 */
import { BusError, ErrorCode } from '../protocol/errors.ts';
import { filedLabel } from '../protocol/labels.ts';
import type { MethodName } from '../protocol/messages.ts';
import type { ClientConnection, DaemonContext, Handler } from './context.ts';
import { quickParams } from './quick-params.ts';
import { loadParamSchemas, schemasLoaded, schemasLoading } from './schema-loader.ts';

export type HandlerTable = { [M in MethodName]: Handler<M> };

export async function dispatch(ctx: DaemonContext, handlers: HandlerTable, conn: ClientConnection, method: string, rawParams: unknown): Promise<unknown> {
  const handler = Object.hasOwn(handlers, method) ? (handlers[method as MethodName] as Handler<MethodName>) : undefined;
  if (!handler) throw new BusError(ErrorCode.MethodNotFound, { method });
  const raw = rawParams ?? {};
  // While the schemas load, every request waits its turn behind them (in the order they came),
  // quick or not: a later request must not overtake an earlier one of the same client.
  let params = schemasLoading() ? undefined : checkParams(handler, method, raw);
  if (params === undefined) {
    await loadParamSchemas().catch((err: Error) => {
      // Its files gone from under it (a plugin update): said in the log, and to the client.
      ctx.logger.error({ err: err.message, method }, 'the parameter schemas could not be loaded');
      throw new BusError(ErrorCode.Internal, { detail: `the daemon could not load its parameter schemas (${err.message}); restart it: session-bus restart` });
    });
    params = checkParams(handler, method, raw)!;
  }
  // Every method that carries an identity files it here: no client but a person's is filed as one.
  if (typeof params.sessionId === 'string' && typeof params.label === 'string') params.label = filedLabel(params.sessionId, params.label);
  try {
    return await handler.handle(ctx, params as never, conn);
  } catch (err) {
    if (err instanceof BusError) {
      // A failed write says which change was not done.
      throw err.code === ErrorCode.LogWriteFailed ? new BusError(err.code, { ...err.data, method }) : err;
    }
    ctx.logger.error({ err: (err as Error).stack ?? String(err), method }, 'handler failed');
    throw new BusError(ErrorCode.Internal, { detail: (err as Error).message });
  }
}

/**
 * The params as the handler's schema returns them, or a BusError naming the first problem;
 * undefined when the quick check cannot tell and the schemas are not loaded yet.
 */
function checkParams(handler: Handler<MethodName>, method: string, raw: unknown): { sessionId?: unknown; label?: unknown } | undefined {
  const quick = quickParams(method, raw);
  if (quick) return quick;
  if (!schemasLoaded()) return undefined;
  const parsed = handler.params.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? `${issue.path.join('.') || 'params'}: ${issue.message}` : 'wrong shape';
    throw new BusError(ErrorCode.InvalidParams, { method, detail });
  }
  return parsed.data as { sessionId?: unknown; label?: unknown };
}
