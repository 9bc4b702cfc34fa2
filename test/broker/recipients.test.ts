/** Direct-message recipients here and on other hosts (issue 19: `to` naming another host's session was refused). Pure. */
import { describe, expect, it } from 'vitest';
import { matchRecipients, remoteRecipients, type RecipientCandidate } from '../../src/daemon/recipients.ts';

const local = (id: string, label: string): RecipientCandidate => ({ id, ids: new Set([id]), names: [label], shown: label });
const here = [local('aaaaaaaa-2222-4000-8000-000000000002', 'main#aaaa22'), local('eeeeeeee-1111-4000-8000-000000000001', 'fix-x#eeeeee')];
const there = remoteRecipients([
  { id: 'h1', name: 'hostB', lastSeen: 1, sessions: [{ sessionId: 'bbbbbbbb-1111-4000-8000-000000000001', shortId: 'bbbbbb', label: 'main#bbbbbb', since: 1 }] },
  { id: 'h2', name: 'hostC', lastSeen: 1, sessions: [{ sessionId: 'dddddddd-1111-4000-8000-000000000001', shortId: 'dddddd', label: 'fix-x#dddddd', since: 1 }] },
]);

describe('matchRecipients', () => {
  it('issue 19: a session of another host is named as peers shows it (label@host), by its label, short id, #hex or session id', () => {
    const B = 'bbbbbbbb-1111-4000-8000-000000000001';
    for (const token of ['main#bbbbbb@hostB', 'main#bbbbbb', 'bbbbbb', '#bbbbbb', 'bbbbbb@hostB', B]) {
      expect(matchRecipients([token], [...here, ...there]), token).toEqual({ ok: true, ids: [B] });
    }
    expect(matchRecipients(['main#aaaa22', 'main#bbbbbb@hostB', 'bbbbbb'], [...here, ...there])).toEqual({ ok: true, ids: ['aaaaaaaa-2222-4000-8000-000000000002', B] });
  });

  it('a name that fits none, or one here and one there, is refused, listing every live peer as peers shows it', () => {
    const peers = ['main#aaaa22', 'fix-x#eeeeee', 'main#bbbbbb@hostB', 'fix-x#dddddd@hostC'];
    expect(matchRecipients(['nobody'], [...here, ...there])).toEqual({ ok: false, recipient: 'nobody', peers });
    expect(matchRecipients(['main'], [...here, ...there])).toEqual({ ok: false, recipient: 'main', peers });
    expect(matchRecipients(['fix-x'], [...here, ...there])).toMatchObject({ ok: false, recipient: 'fix-x' });
    // Without federation only the local ones are candidates: as before.
    expect(matchRecipients(['main'], here)).toEqual({ ok: true, ids: ['aaaaaaaa-2222-4000-8000-000000000002'] });
    expect(matchRecipients(['main#bbbbbb@hostB'], here)).toEqual({ ok: false, recipient: 'main#bbbbbb@hostB', peers: ['main#aaaa22', 'fix-x#eeeeee'] });
  });
});
