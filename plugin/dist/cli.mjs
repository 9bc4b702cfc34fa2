#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);

// src/cli/main.ts
if (process.argv[2] === "statusline") void import("./chunks/statusline-6MXHC4K5.mjs").then((m) => m.main());
else void import("./chunks/commands-T6ZQX3WG.mjs").then((m) => m.main());
