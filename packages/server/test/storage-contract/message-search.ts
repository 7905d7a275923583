import type { Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import type { MessageSearchQuery } from '../../src/storage/message-search-store.js';
import type { Contract } from './context.js';
import { addFriends, addGroup, addUser, notice, send } from './fixtures.js';

export const messageSearchContract: Contract = (t) => {
  async function texts(query: Omit<MessageSearchQuery, 'limit'> & { limit?: number }): Promise<string[]> {
    const found = await t.store.messageSearch.search({ limit: 20, ...query });
    return found.map((message: Message) => ('text' in message.content ? message.content.text : `<${message.type}>`));
  }

  describe('message search', () => {
    it('finds substrings case-insensitively, CJK and short queries included, newest first', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      await send(t.store, conversationId, alice.id, 'Hello Bob, lunch at noon?');
      await send(t.store, conversationId, bob.id, '你好世界，午饭吗');
      await send(t.store, conversationId, bob.id, 'say hello to the team');
      await send(t.store, conversationId, alice.id, '100% sure_thing');
      expect(await texts({ userId: bob.id, text: 'HELLO' })).toEqual(['say hello to the team', 'Hello Bob, lunch at noon?']);
      expect(await texts({ userId: bob.id, text: 'ell' })).toEqual(['say hello to the team', 'Hello Bob, lunch at noon?']);
      expect(await texts({ userId: alice.id, text: '世界' })).toEqual(['你好世界，午饭吗']);
      expect(await texts({ userId: alice.id, text: '好世界，午' })).toEqual(['你好世界，午饭吗']);
      expect(await texts({ userId: alice.id, text: '%' })).toEqual(['100% sure_thing']);
      expect(await texts({ userId: alice.id, text: 'e_t' })).toEqual(['100% sure_thing']);
      expect(await texts({ userId: alice.id, text: '"lunch' })).toEqual([]);
      expect(await texts({ userId: alice.id, text: 'dinner' })).toEqual([]);
    });

    it('returns at most limit + 1 messages and narrows to one conversation', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const carol = await addUser(t.store, 'carol');
      const withBob = await addFriends(t.store, alice, bob);
      const withCarol = await addFriends(t.store, alice, carol);
      for (const n of [1, 2, 3]) await send(t.store, withBob, bob.id, `report ${n}`);
      await send(t.store, withCarol, carol.id, 'report from carol');
      expect(await texts({ userId: alice.id, text: 'report', limit: 2 })).toEqual(['report from carol', 'report 3', 'report 2']);
      expect(await texts({ userId: alice.id, text: 'report', conversationId: withBob })).toEqual(['report 3', 'report 2', 'report 1']);
      expect(await texts({ userId: alice.id, text: 'report', conversationId: 'c_unknown' })).toEqual([]);
    });

    it('searches only conversations the user is a member of now', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const mallory = await addUser(t.store, 'mallory');
      const direct = await addFriends(t.store, alice, bob);
      await send(t.store, direct, alice.id, 'the secret plan');
      const { groupId } = await addGroup(t.store, alice, [bob, mallory]);
      await send(t.store, groupId, alice.id, 'group secret plan');
      expect(await texts({ userId: mallory.id, text: 'secret' })).toEqual(['group secret plan']);
      expect(await texts({ userId: mallory.id, text: 'secret', conversationId: direct })).toEqual([]);
      await t.store.groups.removeMember(groupId, mallory.id, notice('member_left', mallory));
      expect(await texts({ userId: mallory.id, text: 'secret' })).toEqual([]);
      expect(await texts({ userId: bob.id, text: 'secret' })).toEqual(['group secret plan', 'the secret plan']);
    });

    it('finds an edited message by its new text only, and never a recalled or hidden one', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      const edited = await send(t.store, conversationId, alice.id, 'meet at the station');
      const recalled = await send(t.store, conversationId, alice.id, 'the station code is 1234');
      const hidden = await send(t.store, conversationId, bob.id, 'station wagon for sale');
      await t.store.messageChanges.rewrite({ messageId: edited.id, type: 'text', content: { text: 'meet at the harbour', editedAt: 50_000 }, fromTypes: ['text'] });
      await t.store.messageChanges.rewrite({ messageId: recalled.id, type: 'recalled', content: { byId: alice.id, byName: 'Alice', recalledAt: 50_001 }, fromTypes: ['text'] });
      await t.store.messageChanges.hide(alice.id, hidden.id);
      expect(await texts({ userId: alice.id, text: 'station' })).toEqual([]);
      expect(await texts({ userId: bob.id, text: 'station' })).toEqual(['station wagon for sale']);
      expect(await texts({ userId: alice.id, text: 'harbour' })).toEqual(['meet at the harbour']);
      expect(await texts({ userId: bob.id, text: '1234' })).toEqual([]);
    });

    it('finds AI replies by their text as it grows, and never file messages or system notices', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const conversationId = await addFriends(t.store, alice, bob);
      const { groupId } = await addGroup(t.store, alice, [bob], { name: 'photos of cats' });
      await t.store.appendMessage({ id: 'm_ai1', conversationId, senderId: bob.id, clientMsgId: 'ai-1', type: 'ai', content: { text: 'Thinking', status: 'streaming', deltas: 0 }, createdAt: 30_000 });
      await t.store.updateMessageContent('m_ai1', { text: 'Paris is the capital', status: 'complete' });
      const file = { id: 'f_1', name: 'cats.png', size: 1, mimeType: 'image/png', width: 1, height: 1, sha256: 'ab'.repeat(32) };
      await t.store.appendMessage({ id: 'm_img', conversationId: groupId, senderId: alice.id, clientMsgId: 'img', type: 'image', content: { file }, createdAt: 30_001 });
      expect(await texts({ userId: alice.id, text: 'capital' })).toEqual(['Paris is the capital']);
      expect(await texts({ userId: alice.id, text: 'Thinking' })).toEqual([]);
      expect(await texts({ userId: alice.id, text: 'cats' })).toEqual([]);
    });
  });
};
