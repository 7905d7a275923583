import { mount } from '@vue/test-utils';
import { LIMITS, REACTION_EMOJI, type Conversation, type Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import MessageList from '../MessageList/MessageList.vue';
import { alice, bob, createFakeClient, directConversation, groupConversation, signedInState, textMessage, timeline } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import { messagePermissions } from './permissions.js';

const now = Date.now();
const recent = (seq: number, senderId: string, extra: Partial<Message> = {}) => textMessage({ seq, senderId, createdAt: now - 1000, ...extra });

function mountList(items: Message[], conversation: Conversation = directConversation()) {
  const client = createFakeClient(
    signedInState({
      conversations: { list: [conversation], unreadTotal: 0, loaded: true },
      messages: { [conversation.id]: timeline(items.map((message) => ({ message: { ...message, conversationId: conversation.id } as Message, state: 'sent' }))) },
    }),
  );
  const wrapper = mount(MessageList, { props: { conversationId: conversation.id, senderNames: { [bob.id]: 'Bob Stone' } }, global: withClient(client) });
  return { client, wrapper };
}

const menuOf = async (wrapper: ReturnType<typeof mountList>['wrapper'], index: number) => {
  await wrapper.findAll('[data-testid="message-actions"]')[index]?.trigger('click');
  return wrapper.findAll('[role="menuitem"]').map((item) => item.text());
};

describe('message actions', () => {
  it('offers edit and recall on our recent message, only delete-for-me on the peer\'s, and recalls through the client', async () => {
    const { client, wrapper } = mountList([recent(1, bob.id), recent(2, alice.id)]);
    expect(await menuOf(wrapper, 1)).toEqual(['Reply', 'Edit', 'Recall', 'Delete for me']);
    await wrapper.get('[data-testid="message-recall"]').trigger('click');
    expect(client.recall).toHaveBeenCalledWith('m-2');
    expect(await menuOf(wrapper, 0)).toEqual(['Reply', 'Delete for me']);
    await wrapper.get('[data-testid="message-delete-for-me"]').trigger('click');
    expect(client.deleteForMe).toHaveBeenCalledWith('m-1');
  });

  it("lets a group's admin recall a member's message", async () => {
    const group = groupConversation();
    const { wrapper } = mountList([recent(1, bob.id)], { ...group, group: { ...group.group, myRole: 'admin' } });
    expect(await menuOf(wrapper, 0)).toEqual(['Reply', 'Recall', 'Delete for me']);
  });

  it('edits in place: the editor saves through the client', async () => {
    const { client, wrapper } = mountList([recent(1, alice.id, { content: { text: 'helo' } })]);
    await menuOf(wrapper, 0);
    await wrapper.get('[data-testid="message-edit"]').trigger('click');
    const field = wrapper.get('[data-testid="message-editor"] textarea');
    await field.setValue('hello');
    await wrapper.get('[data-testid="message-editor"]').trigger('submit');
    expect(client.edit).toHaveBeenCalledWith('m-1', 'hello');
  });

  it('shows recalled messages as notices, edited ones marked, and hides what we deleted for ourselves', async () => {
    const recalled = { ...recent(1, bob.id), type: 'recalled', content: { byId: bob.id, byName: 'Bob Stone', recalledAt: now } } as Message;
    const byAdmin = { ...recent(2, bob.id), type: 'recalled', content: { byId: 'u-carol', byName: 'Carol', recalledAt: now } } as Message;
    const mine = { ...recent(3, alice.id), type: 'recalled', content: { byId: alice.id, byName: 'Alice', recalledAt: now } } as Message;
    const hidden = { ...recent(4, bob.id), type: 'hidden', content: {} } as Message;
    const edited = recent(5, bob.id, { content: { text: 'fixed', editedAt: now } });
    const { wrapper } = mountList([recalled, byAdmin, mine, hidden, edited]);
    await nextTick();
    expect(wrapper.findAll('[data-testid="recalled-notice"]').map((notice) => notice.text())).toEqual([
      'Bob Stone recalled a message',
      'Carol recalled a message from Bob Stone',
      'You recalled a message',
    ]);
    expect(wrapper.findAll('[data-testid="message-item"]').map((item) => item.attributes('data-seq'))).toEqual(['5']);
    expect(wrapper.get('[data-testid="message-edited"]').text()).toBe('edited');
  });

  it('shows reactions with counts and who, toggles ours, and reacts from the menu', async () => {
    const message = recent(1, bob.id, { reactions: [{ emoji: '👍', userIds: [alice.id, bob.id] }, { emoji: '😂', userIds: [bob.id] }] });
    const { client, wrapper } = mountList([message]);
    const chips = wrapper.findAll('[data-testid="reaction"]');
    expect(chips.map((chip) => [chip.attributes('data-emoji'), chip.text().replace(/\s+/g, ' '), chip.attributes('title'), chip.attributes('aria-pressed')])).toEqual([
      ['👍', '👍 2', 'You, Bob Stone', 'true'],
      ['😂', '😂 1', 'Bob Stone', 'false'],
    ]);
    await chips[0]!.trigger('click');
    expect(client.react).toHaveBeenLastCalledWith('m-1', '👍', false);
    await chips[1]!.trigger('click');
    expect(client.react).toHaveBeenLastCalledWith('m-1', '😂', true);
    await wrapper.get('[data-testid="message-actions"]').trigger('click');
    expect(wrapper.findAll('[data-testid="reaction-pick"]').map((pick) => pick.attributes('data-emoji'))).toEqual([...REACTION_EMOJI]);
    await wrapper.get('[data-testid="reaction-pick"][data-emoji="❤️"]').trigger('click');
    expect(client.react).toHaveBeenLastCalledWith('m-1', '❤️', true);
  });

  it('offers recall only within the window, and nothing on notices or unsent messages', () => {
    const at = 1_000_000;
    const message = textMessage({ seq: 1, createdAt: at });
    expect(messagePermissions(message, { mine: true, moderator: false, now: at + LIMITS.recallWindowMs })).toEqual({ reply: true, recall: true, edit: true, deleteForMe: true });
    expect(messagePermissions(message, { mine: true, moderator: false, now: at + LIMITS.recallWindowMs + 1 }).recall).toBe(false);
    expect(messagePermissions(message, { mine: true, moderator: false, now: at + LIMITS.editWindowMs + 1 }).edit).toBe(false);
    expect(messagePermissions({ ...message, seq: 0 }, { mine: true, moderator: true, now: at })).toEqual({ reply: false, recall: false, edit: false, deleteForMe: false });
  });
});
