/** Where the checkout and the built plugin bundles the tests run are. */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(REPO, 'plugin', 'dist');
export const CLI = path.join(DIST, 'cli.mjs');
export const HOOK = path.join(DIST, 'hook.cjs');
export const DAEMON = path.join(DIST, 'daemon.js');
