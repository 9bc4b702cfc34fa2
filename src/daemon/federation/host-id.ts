/**
 * This host's identity on the bus: a random id made once and kept beside the mailbox, so a
 * restart (or a new host name) keeps its message ids `<hostId>:<seq>` and its durable consumer.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const HOST_ID_FILE = 'host-id.json';

export interface HostIdentity {
  id: string;
  /** When this host first joined: its consumer starts with the messages from then on. */
  createdAt: number;
}

const ID = /^[a-f0-9]{12}$/;

export function loadHostId(mailboxDir: string): HostIdentity {
  const file = path.join(mailboxDir, HOST_ID_FILE);
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<HostIdentity>;
    if (typeof v.id === 'string' && ID.test(v.id) && typeof v.createdAt === 'number') return { id: v.id, createdAt: v.createdAt };
  } catch {
    // Missing or unreadable: make a new one below.
  }
  const identity: HostIdentity = { id: randomBytes(6).toString('hex'), createdAt: Date.now() };
  fs.mkdirSync(mailboxDir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(identity) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
  return identity;
}
