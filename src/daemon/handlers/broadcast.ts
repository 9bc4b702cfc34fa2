import { BusError, ErrorCode } from '../../protocol/errors.ts';
import { MAX_TEXT_BYTES } from '../../protocol/limits.ts';
import { paramSchemas } from '../schema-loader.ts';
import { cleanText } from '../../protocol/sanitize.ts';
import { defineHandler } from '../context.ts';
import { remoteRecipients } from '../recipients.ts';

/** Accepts a message: stamp a seq, append it to the mailbox, then hand it to every peer's queue. */
export const broadcast = defineHandler({
  method: 'broadcast',
  get params() {
    return paramSchemas().broadcast;
  },
  async handle(ctx, params) {
    const text = cleanText(params.text);
    if (text.trim() === '') throw new BusError(ErrorCode.TextEmpty);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_TEXT_BYTES) throw new BusError(ErrorCode.TextTooLong, { bytes });
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    let to: string[] | undefined;
    if (params.to !== undefined) {
      // A session on another host (federated) is named as peers shows it: `label@host`.
      const found = ctx.broker.resolveRecipients(session, Array.isArray(params.to) ? params.to : [params.to], remoteRecipients(ctx.federation.remoteHosts()));
      if (!found.ok) throw new BusError(ErrorCode.UnknownRecipient, { recipient: found.recipient, peers: found.peers });
      to = found.ids;
    }
    const record = ctx.broker.stamp(params, params.kind ?? 'note', text, now, to);
    try {
      await ctx.commit({ entries: [], records: [record] });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      ctx.logger.error({ err: e.message, seq: record.seq }, 'mailbox append failed; message refused');
      throw err instanceof BusError ? err : new BusError(ErrorCode.LogWriteFailed, { cause: e.code ?? e.message, path: ctx.info.mailboxPath });
    }
    return { seq: record.seq, from: record.from };
  },
});
