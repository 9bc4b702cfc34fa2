/**
 * The `session-bus` command. `statusline` runs on every refresh of Claude Code's status bar, so
 * it loads only its own small module (a socket client, no SDK, no mailbox reader); every other
 * command loads the full CLI. The command word may follow the options (`--project DIR statusline`).
 */
import { commandWordAt } from './options.ts';

const argv = process.argv.slice(2);
const at = commandWordAt(argv);
// Only its own option may come first (`--version statusline` is the version, as before).
const before = argv.slice(0, Math.max(at, 0));
const ownOption = before.length === 0 || (before.length === 2 && before[0] === '--project') || (before.length === 1 && before[0]!.startsWith('--project='));
if (argv[at] === 'statusline' && ownOption) void import('./statusline.ts').then((m) => m.main([...before, ...argv.slice(at + 1)]));
else void import('./commands.ts').then((m) => m.main());
