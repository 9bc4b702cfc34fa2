/**
 * The hook event the host writes on stdin. Synchronous on purpose: setting up process.stdin as a
 * stream costs about a tenth of a Node start, paid on every prompt. The host writes the event and
 * closes the pipe; a terminal (a human trying the command) gets an empty event instead of a read
 * that waits for ever.
 */
import { fstatSync, readFileSync } from 'node:fs';

export function readStdin(): string {
  if (fstatSync(0).isCharacterDevice()) return '{}';
  return readFileSync(0, 'utf8');
}
