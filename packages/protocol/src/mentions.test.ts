import { describe, expect, it } from 'vitest';
import type { Message } from './entities.js';
import { mentionsUser } from './mentions.js';

const base = { id: 'm1', conversationId: 'g1', seq: 3, senderId: 'u_alice', clientMsgId: 'k1', createdAt: 1 };
const text = (mentions?: { userIds: string[]; all?: boolean }): Message => ({ ...base, type: 'text', content: mentions ? { text: '@Bob hi', mentions } : { text: 'hi' } });

describe('mentionsUser', () => {
  it('is true for a member named by id, and for everyone but the sender with @all', () => {
    expect(mentionsUser(text({ userIds: ['u_bob'] }), 'u_bob')).toBe(true);
    expect(mentionsUser(text({ userIds: ['u_bob'] }), 'u_carol')).toBe(false);
    expect(mentionsUser(text({ userIds: [], all: true }), 'u_carol')).toBe(true);
  });

  it("is false for the sender's own message, a text without mentions and other types", () => {
    expect(mentionsUser(text({ userIds: ['u_alice'], all: true }), 'u_alice')).toBe(false);
    expect(mentionsUser(text(), 'u_bob')).toBe(false);
    expect(mentionsUser({ ...base, type: 'recalled', content: { byId: 'u_alice', byName: 'Alice', recalledAt: 2 } }, 'u_bob')).toBe(false);
  });
});
