#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);
import {
  commandWordAt
} from "./chunks/chunk-OOGE3GE6.mjs";

// src/cli/main.ts
var argv = process.argv.slice(2);
var at = commandWordAt(argv);
var before = argv.slice(0, Math.max(at, 0));
var ownOption = before.length === 0 || before.length === 2 && before[0] === "--project" || before.length === 1 && before[0].startsWith("--project=");
if (argv[at] === "statusline" && ownOption) void import("./chunks/statusline-MBZBGCUW.mjs").then((m) => m.main([...before, ...argv.slice(at + 1)]));
else void import("./chunks/commands-AKPTPDB7.mjs").then((m) => m.main());
