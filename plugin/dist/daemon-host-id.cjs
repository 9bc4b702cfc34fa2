"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/daemon/federation/host-id.ts
var host_id_exports = {};
__export(host_id_exports, {
  HOST_ID_FILE: () => HOST_ID_FILE,
  loadHostId: () => loadHostId
});
module.exports = __toCommonJS(host_id_exports);
var import_node_crypto = require("node:crypto");
var fs = __toESM(require("node:fs"), 1);
var path = __toESM(require("node:path"), 1);
var HOST_ID_FILE = "host-id.json";
var ID = /^[a-f0-9]{12}$/;
function loadHostId(mailboxDir) {
  const file = path.join(mailboxDir, HOST_ID_FILE);
  try {
    const v = JSON.parse(fs.readFileSync(file, "utf8"));
    if (typeof v.id === "string" && ID.test(v.id) && typeof v.createdAt === "number") return { id: v.id, createdAt: v.createdAt };
  } catch {
  }
  const identity = { id: (0, import_node_crypto.randomBytes)(6).toString("hex"), createdAt: Date.now() };
  fs.mkdirSync(mailboxDir, { recursive: true, mode: 448 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(identity) + "\n", { mode: 384 });
  fs.renameSync(tmp, file);
  return identity;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  HOST_ID_FILE,
  loadHostId
});
