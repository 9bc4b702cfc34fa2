/**
 * The `session-bus` command. `statusline` runs on every refresh of Claude Code's status bar, so
 * it loads only its own small module (a socket client, no SDK, no mailbox reader); every other
 * command loads the full CLI. The command word may follow the options (`--project DIR statusline`).
 */
import { commandWordAt } from './options.ts';

const argv = process.argv.slice(2);
const at = commandWordAt(argv);
if (argv[at] === 'statusline') void import('./statusline.ts').then((m) => m.main([...argv.slice(0, at), ...argv.slice(at + 1)]));
else void import('./commands.ts').then((m) => m.main());
