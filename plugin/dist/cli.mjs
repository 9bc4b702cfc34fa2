#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);
import {
  commandWordAt
} from "./chunks/chunk-OOGE3GE6.mjs";

// src/cli/main.ts
var argv = process.argv.slice(2);
var at = commandWordAt(argv);
if (argv[at] === "statusline") void import("./chunks/statusline-66OEJSMS.mjs").then((m) => m.main([...argv.slice(0, at), ...argv.slice(at + 1)]));
else void import("./chunks/commands-BJSMYGXS.mjs").then((m) => m.main());
