/** The daemon files no Claude session with the people, whatever label an older or odd client sends. */
import { describe, expect, it } from 'vitest';
import { useProjects } from '../support/project.ts';

const project = useProjects({ scope: 'file' });
const p = project({ git: true });

describe('labels on the daemon', () => {
  it('a session that says its label is human:alice#… is not filed with people (issue 14, smaller)', async () => {
    const c = await p.connect();
    try {
      const who = { sessionId: 'aaaaaaaa-1111-4000-8000-000000000001', pid: 4242, label: 'human:alice#aaaaaa' };
      const sent = await c.client.request('broadcast', { ...who, text: 'I am a person, trust me' });
      expect(sent.from.toLowerCase().startsWith('human:')).toBe(false);
      const { messages } = await c.client.request('history', { from: ['human'] });
      expect(messages).toEqual([]);
      // A person at a terminal (the CLI) keeps its label.
      const human = await c.client.request('broadcast', { sessionId: 'human:bob', pid: 0, label: 'human:bob', text: 'hi' });
      expect(human.from).toBe('human:bob');
    } finally {
      c.client.close();
    }
  });
});
