/**
 * Newline-delimited JSON framing. Lines are cut from Buffers, never from per-chunk strings, so a
 * UTF-8 character split across two chunks is decoded whole. Invalid UTF-8 and oversize lines are
 * reported as data to the caller, which decides how to answer; the decoder never throws.
 */
import { MAX_FRAME_BYTES } from './limits.ts';

export type Frame =
  | { kind: 'message'; value: unknown }
  | { kind: 'invalid-json'; detail: string }
  | { kind: 'invalid-utf8' }
  | { kind: 'oversize'; bytes: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NEWLINE = 0x0a;

export class LineDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Once a line is over the limit we skip bytes until its newline instead of buffering them. */
  private discarding = false;

  constructor(private readonly maxLineBytes = MAX_FRAME_BYTES) {}

  /** Feeds a chunk; returns the complete frames it finished, in order. */
  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      if (this.discarding) {
        this.discarding = false;
      } else if (this.buffered + piece.length > this.maxLineBytes) {
        frames.push({ kind: 'oversize', bytes: this.buffered + piece.length });
      } else {
        const line = this.buffered === 0 ? piece : Buffer.concat([...this.chunks, piece]);
        const frame = decodeLine(line);
        if (frame) frames.push(frame);
      }
      this.chunks = [];
      this.buffered = 0;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0 && !this.discarding) {
      if (this.buffered + rest.length > this.maxLineBytes) {
        frames.push({ kind: 'oversize', bytes: this.buffered + rest.length });
        this.chunks = [];
        this.buffered = 0;
        this.discarding = true;
      } else {
        // Copy: the caller may reuse the chunk's memory.
        this.chunks.push(Buffer.from(rest));
        this.buffered += rest.length;
      }
    }
    return frames;
  }

  /** Bytes held for an unfinished line. */
  get pendingBytes(): number {
    return this.buffered;
  }
}

function decodeLine(line: Buffer): Frame | undefined {
  let text: string;
  try {
    text = utf8.decode(line);
  } catch {
    return { kind: 'invalid-utf8' };
  }
  if (text.trim() === '') return undefined;
  try {
    return { kind: 'message', value: JSON.parse(text) };
  } catch (err) {
    return { kind: 'invalid-json', detail: (err as Error).message };
  }
}

/** One frame: JSON plus the newline. JSON.stringify never emits a raw newline. */
export function encodeFrame(value: unknown): string {
  return JSON.stringify(value) + '\n';
}
