import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);
import "./chunk-XZRDIIZF.mjs";

// src/daemon/federation/host-id.ts
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
var HOST_ID_FILE = "host-id.json";
var ID = /^[a-f0-9]{12}$/;
function loadHostId(mailboxDir) {
  const file = path.join(mailboxDir, HOST_ID_FILE);
  try {
    const v = JSON.parse(fs.readFileSync(file, "utf8"));
    if (typeof v.id === "string" && ID.test(v.id) && typeof v.createdAt === "number") return { id: v.id, createdAt: v.createdAt };
  } catch {
  }
  const identity = { id: randomBytes(6).toString("hex"), createdAt: Date.now() };
  fs.mkdirSync(mailboxDir, { recursive: true, mode: 448 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(identity) + "\n", { mode: 384 });
  fs.renameSync(tmp, file);
  return identity;
}
export {
  HOST_ID_FILE,
  loadHostId
};
