/**
 * The statusline as a CommonJS bundle of its own (plugin/dist/statusline.cjs): Claude Code runs
 * it on every refresh of its bar, and like the hook it starts faster without the ES module loader.
 * plugin/bin/session-bus runs it for `session-bus statusline`.
 */
import { main } from './statusline.ts';

void main();
