/**
 * A `claude` stand-in on PATH for `session-bus doctor`'s plugin check: validation passes or fails
 * on demand, in milliseconds (the real `claude plugin validate` costs most of a second of CPU).
 * Tests about another check use it; the real binary is tested once, in the CLI tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The environment that puts the stand-in first on PATH (its folder made under `base`), with no host inbox. */
export function fakeClaude(base: string, passes: boolean): NodeJS.ProcessEnv {
  const bin = path.join(base, passes ? 'bin-ok' : 'bin-bad');
  fs.mkdirSync(bin, { recursive: true });
  const script = passes
    ? '#!/bin/sh\necho "✔ Validation passed"\n'
    : '#!/bin/sh\necho "✘ Found 1 error:"\necho\necho "  ❯ name: Plugin name is reserved"\necho\necho "✘ Validation failed"\nexit 1\n';
  fs.writeFileSync(path.join(bin, 'claude'), script, { mode: 0o755 });
  return { PATH: `${bin}${path.delimiter}${process.env.PATH}`, CLAUDE_CODE_MESSAGING_SOCKET: '', CLAUDE_CODE_MESSAGING_TOKEN: '' };
}
