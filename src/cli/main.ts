/**
 * The `session-bus` command. `statusline` runs on every refresh of Claude Code's status bar, so
 * it loads only its own small module (a socket client, no SDK, no mailbox reader); every other
 * command loads the full CLI.
 */
if (process.argv[2] === 'statusline') void import('./statusline.ts').then((m) => m.main());
else void import('./commands.ts').then((m) => m.main());
