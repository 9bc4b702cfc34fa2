#!/usr/bin/env node
// Bundles what the plugin runs into plugin/dist, so it runs on plain node with no install step.
//   node scripts/build.mjs          write the bundles
//   node scripts/build.mjs --check  fail if the committed bundles differ from a fresh build,
//                                   or if the hook bundle pulls in a dependency (or the CLI zod)
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'plugin', 'dist');
const check = process.argv.includes('--check');

// CommonJS dependencies (pino) call require() on node builtins; ESM output needs one.
const requireShim = "import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);";

/**
 * What the MCP server's bundle leaves out of the SDK, each replaced by a stub that throws if it
 * is ever reached. Loading them was most of the server's start-up and memory, for code paths it
 * never takes: ajv validates only elicitation answers (this server never elicits, and passes its
 * own validator: src/mcp/no-elicitation.ts); zod v3 and zod-to-json-schema serve tools declared
 * with zod v3 (ours are zod v4, which converts its own schemas).
 */
const SDK_STUBS = [
  { filter: /\/validation\/ajv-provider\.js$/, contents: 'export class AjvJsonSchemaValidator { constructor() { throw new Error("session-bus: ajv is not bundled; pass a jsonSchemaValidator"); } }' },
  { filter: /^zod\/v3$/, contents: 'export function object() { throw new Error("session-bus: zod v3 is not bundled; declare tools with zod v4"); }' },
  { filter: /^zod-to-json-schema$/, contents: 'export function zodToJsonSchema() { throw new Error("session-bus: zod-to-json-schema is not bundled; declare tools with zod v4"); }' },
];
const sdkStubs = {
  name: 'sdk-stubs',
  setup(build) {
    for (const [i, stub] of SDK_STUBS.entries()) {
      build.onResolve({ filter: stub.filter }, (args) => (args.importer.includes('@modelcontextprotocol/sdk') ? { path: `stub-${i}`, namespace: 'sdk-stub' } : undefined));
    }
    build.onLoad({ filter: /.*/, namespace: 'sdk-stub' }, (args) => ({ contents: SDK_STUBS[Number(args.path.slice(5))].contents, loader: 'js' }));
  },
};

/**
 * What the daemon's bundle leaves out of pino: its transports (log lines sent to a worker thread
 * through thread-stream). The daemon logs to a file synchronously (start-steps.ts openDaemonLog)
 * and never asks for one, but pino loads them at import, and with them worker_threads: start-up
 * time and memory in every daemon. `isMainThread` is asked only for asynchronous destinations.
 */
const PINO_STUBS = [
  { filter: /^\.\/(lib\/)?transport$/, contents: 'module.exports = function transport() { throw new Error("session-bus: pino transports are not bundled; log to a destination"); };' },
  { filter: /^worker_threads$/, contents: 'module.exports = { isMainThread: true };' },
  // sonic-boom (pino's file destination) loads node:assert at import for one check: the real
  // assert (3 ms of the daemon's start) is loaded only if that check fails, and throws as before.
  { filter: /^assert$/, importer: /[\\/]node_modules[\\/]sonic-boom[\\/]/, contents: 'module.exports = function assert(ok, message) { if (!ok) require("node:assert")(ok, message); };' },
];
const pinoStubs = {
  name: 'pino-stubs',
  setup(build) {
    for (const [i, stub] of PINO_STUBS.entries()) {
      const importer = stub.importer ?? /[\\/]node_modules[\\/]pino[\\/]/;
      build.onResolve({ filter: stub.filter }, (args) => (importer.test(args.importer) ? { path: `stub-${i}`, namespace: 'pino-stub' } : undefined));
    }
    build.onLoad({ filter: /.*/, namespace: 'pino-stub' }, (args) => ({ contents: PINO_STUBS[Number(args.path.slice(5))].contents, loader: 'js' }));
  },
};

/**
 * The daemon is CommonJS (plugin/dist/daemon.js; dist/package.json makes .js CommonJS): Node
 * starts a CommonJS entry without its ES module loader, and `require` of a builtin does not run
 * the lazy getters that an ES import of it runs (fs.promises and readline, util's MIME types,
 * net's BlockList): 20 ms of every daemon start. It keeps the name `daemon.js`, which every
 * version's isBusDaemon (place/liveness.ts) knows. What only some daemons load are bundles of
 * their own beside it, loaded by require on first need: zod and the param schemas (on the first
 * request the quick checks cannot settle), the NATS client (federation, with zod of its own), the
 * host id (crypto).
 */
const DAEMON_PARTS = [
  { filter: /^\.\/federation\.ts$/, importer: /[\\/]federation[\\/]start\.ts$/, file: 'daemon-federation.cjs' },
  { filter: /^\.\/host-id\.ts$/, importer: /[\\/]federation[\\/]start\.ts$/, file: 'daemon-host-id.cjs' },
  { filter: /^\.\/param-schemas\.ts$/, importer: /[\\/]daemon[\\/]schema-loader\.ts$/, file: 'daemon-schemas.cjs' },
];
const daemonParts = {
  name: 'daemon-parts',
  setup(build) {
    for (const part of DAEMON_PARTS) {
      build.onResolve({ filter: part.filter }, (args) => (part.importer.test(args.importer) ? { path: `./${part.file}`, external: true } : undefined));
    }
  },
};
/** What the daemon's bundles share: CommonJS, `import()` made `require` (no ES module loader). */
const daemonBundle = (name, entry, more = {}) => ({
  name,
  entry,
  minify: false,
  deps: true,
  format: 'cjs',
  outfile: name === 'daemon' ? 'daemon.js' : `${name}.cjs`,
  supported: { 'dynamic-import': false },
  plugins: [...(more.plugins ?? []), daemonParts],
  forbid: more.forbid,
});

const entries = [
  // CommonJS: Node loads it measurably faster than an ES module, and it runs on every prompt.
  { name: 'hook', entry: 'src/hook/main.ts', minify: true, deps: false, format: 'cjs' },
  // The collision guard (PreToolUse, and recording edits): apart, so the prompt hook stays small.
  { name: 'guard', entry: 'src/hook/guard-main.ts', minify: true, deps: false, format: 'cjs' },
  { name: 'guard-git', entry: 'src/hook/git-guard-main.ts', minify: true, deps: false, format: 'cjs' },
  // The same for `session-bus statusline`: Claude Code runs it on every refresh of its bar.
  { name: 'statusline', entry: 'src/cli/statusline-main.ts', minify: true, deps: false, format: 'cjs' },
  { name: 'mcp', entry: 'src/mcp/main.ts', minify: false, deps: true, plugins: [sdkStubs] },
  daemonBundle('daemon', 'src/daemon/main.ts', { plugins: [pinoStubs], forbid: ['node_modules/thread-stream/', 'node_modules/zod/', 'node_modules/@nats-io/'] }),
  daemonBundle('daemon-schemas', 'src/daemon/param-schemas.ts'),
  daemonBundle('daemon-federation', 'src/daemon/federation/federation.ts'),
  daemonBundle('daemon-host-id', 'src/daemon/federation/host-id.ts'),
  // Split: `statusline` (every refresh of the host's status bar) loads its small chunk alone.
  // No zod: the CLI reads the mailbox with the hand-written reader (src/place/mailbox-line.ts).
  { name: 'cli', entry: 'src/cli/main.ts', minify: false, deps: true, shebang: true, split: true, forbid: ['node_modules/zod/'] },
];

let failed = false;
const produced = new Set();
for (const e of entries) {
  const banner = [e.shebang ? '#!/usr/bin/env node' : '', e.deps && e.format !== 'cjs' ? requireShim : ''].filter(Boolean).join('\n');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [e.name]: e.entry },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: e.format ?? 'esm',
    // The CommonJS hook finds its folder by __dirname; the import.meta branch is for ES modules.
    logOverride: e.format === 'cjs' ? { 'empty-import-meta': 'silent' } : undefined,
    minify: e.minify,
    legalComments: 'none',
    banner: banner ? { js: banner } : undefined,
    write: false,
    metafile: true,
    logLevel: 'warning',
    plugins: e.plugins,
    supported: e.supported,
    // A worktree's node_modules may be a symlink to another checkout's: the bundles (their
    // path comments) must come out the same wherever they are built.
    preserveSymlinks: true,
    ...(e.split
      ? { splitting: true, outdir, entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', outExtension: { '.js': '.mjs' } }
      : { outfile: path.join(outdir, e.outfile ?? `${e.name}.${e.format === 'cjs' ? 'cjs' : 'mjs'}`) }),
  });
  if (!e.deps) {
    const deps = Object.keys(result.metafile.inputs).filter((i) => i.includes('node_modules'));
    if (deps.length > 0) {
      console.error(`build: ${e.name} bundle must not include dependencies, but has:\n  ${deps.join('\n  ')}`);
      failed = true;
    }
  }
  for (const banned of e.forbid ?? []) {
    const found = Object.keys(result.metafile.inputs).filter((i) => i.includes(banned));
    if (found.length > 0) {
      console.error(`build: the ${e.name} bundle must not include ${banned}, but has ${found.length} file(s) of it, e.g. ${found[0]}`);
      failed = true;
    }
  }
  for (const file of result.outputFiles) {
    produced.add(file.path);
    const rel = path.relative(root, file.path);
    if (check) {
      const current = fs.existsSync(file.path) ? fs.readFileSync(file.path) : undefined;
      if (!current || !Buffer.from(file.contents).equals(current)) {
        console.error(`build: ${rel} is stale: run \`npm run build\` and commit plugin/dist`);
        failed = true;
      }
    } else {
      fs.mkdirSync(path.dirname(file.path), { recursive: true });
      fs.writeFileSync(file.path, file.contents, { mode: e.shebang ? 0o755 : 0o644 });
      console.log(`build: ${rel} ${(file.contents.length / 1024).toFixed(1)} KiB`);
    }
  }
}
// plugin/dist/*.js are CommonJS (the daemon), also in a copy of the plugin under a package of type module.
{
  const file = path.join(outdir, 'package.json');
  const contents = '{ "type": "commonjs" }\n';
  if (check) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== contents) {
      console.error('build: plugin/dist/package.json is stale: run `npm run build` and commit plugin/dist');
      failed = true;
    }
  } else {
    fs.writeFileSync(file, contents);
  }
}
// A bundle or chunk no build makes any more (the ES module daemon, now daemon.js; a renamed
// daemon part; an old chunk) is stale too: nothing may load it by mistake.
const chunkDir = path.join(outdir, 'chunks');
const leftovers = [
  ...fs.readdirSync(outdir).filter((f) => /\.(m|c)?js$/.test(f)).map((f) => path.join(outdir, f)),
  ...(fs.existsSync(chunkDir) ? fs.readdirSync(chunkDir).map((f) => path.join(chunkDir, f)) : []),
].filter((file) => !produced.has(file));
for (const file of leftovers) {
  if (check) {
    console.error(`build: ${path.relative(root, file)} is left from an older build: run \`npm run build\` and commit plugin/dist`);
    failed = true;
  } else {
    fs.rmSync(file);
  }
}
if (failed) process.exit(1);
if (check) console.log('build: plugin/dist is up to date');
