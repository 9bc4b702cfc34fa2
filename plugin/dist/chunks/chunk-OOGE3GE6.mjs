#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);

// src/cli/options.ts
import { parseArgs } from "node:util";
var OPTIONS = {
  project: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  wide: { type: "boolean" },
  kind: { type: "string", multiple: true },
  follow: { type: "boolean", short: "f" },
  lines: { type: "string", short: "n" },
  since: { type: "string" },
  from: { type: "string", multiple: true },
  grep: { type: "string" }
};
function commandWordAt(argv) {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  return tokens.find((t) => t.kind === "positional")?.index ?? -1;
}

export {
  OPTIONS,
  commandWordAt
};
