import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import ConversationPane from '../ChatApp/ConversationPane.vue';
import ContactList from '../ContactList/ContactList.vue';
import MessageList from '../MessageList/MessageList.vue';
import { bob, carol, createFakeClient, directConversation, friendOf, signedInState, textMessage, timeline, wireLikeError } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import BlockToggle from './BlockToggle.vue';

function pane(blocked = false) {
  const client = createFakeClient(
    signedInState({
      conversations: { list: [directConversation()], unreadTotal: 0, loaded: true },
      friends: [friendOf(bob)],
      blocked: blocked ? [{ user: bob, since: 1 }] : [],
    }),
  );
  const wrapper = mount(ConversationPane, { props: { conversationId: 'c-bob' }, global: withClient(client), attachTo: document.body });
  return { client, wrapper };
}

describe('blocking', () => {
  it('blocks the peer from the 1:1 header only after confirming, then shows the unblock bar instead of the composer', async () => {
    const { client, wrapper } = pane();
    await flushPromises();
    expect(wrapper.find('[data-testid="blocked-bar"]').exists()).toBe(false);
    expect(wrapper.find('textarea').exists()).toBe(true);
    await wrapper.get('[data-testid="block-button"]').trigger('click');
    expect(client.block).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="block-question"]').text()).toBe('Block Bob Stone? They will not be told; their messages and friend requests will no longer reach you.');
    // The confirm button takes the focus, so a keyboard user answers at once.
    const confirm = wrapper.get('[data-testid="block-confirm"]');
    expect(document.activeElement).toBe(confirm.element);
    expect(confirm.attributes('aria-label')).toBe('Block Bob Stone');
    expect(document.getElementById(confirm.attributes('aria-describedby')!)?.textContent).toContain('They will not be told');
    await wrapper.get('[data-testid="block-confirm"]').trigger('click');
    await flushPromises();
    expect(client.block).toHaveBeenCalledWith(bob.id);
    expect(wrapper.get('[data-testid="blocked-bar"]').text()).toContain('You blocked Bob Stone.');
    expect(wrapper.get('[data-testid="blocked-bar"]').attributes('role')).toBe('status');
    expect(wrapper.find('textarea').exists()).toBe(false);
    expect(wrapper.get('[data-testid="unblock-button"]').attributes('aria-label')).toBe('Unblock Bob Stone');

    await wrapper.get('[data-testid="blocked-bar-unblock"]').trigger('click');
    await flushPromises();
    expect(client.unblock).toHaveBeenCalledWith(bob.id);
    expect(wrapper.find('[data-testid="blocked-bar"]').exists()).toBe(false);
    expect(wrapper.find('textarea').exists()).toBe(true);
    wrapper.unmount();
  });

  it('backs out of blocking with Cancel or Escape', async () => {
    const { client, wrapper } = pane();
    await wrapper.get('[data-testid="block-button"]').trigger('click');
    await wrapper.get('[data-testid="block-cancel"]').trigger('click');
    expect(wrapper.find('[data-testid="block-confirm"]').exists()).toBe(false);
    await wrapper.get('[data-testid="block-button"]').trigger('click');
    await wrapper.get('[data-testid="block-confirm"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="block-confirm"]').exists()).toBe(false);
    expect(client.block).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('shows a refusal as an alert and stays unblocked', async () => {
    const client = createFakeClient(signedInState());
    vi.mocked(client.block).mockRejectedValueOnce(wireLikeError('NOT_FOUND', 'No such user'));
    const wrapper = mount(BlockToggle, { props: { user: carol }, global: withClient(client) });
    await wrapper.get('[data-testid="block-button"]').trigger('click');
    await wrapper.get('[data-testid="block-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('No such user');
    expect(wrapper.find('[data-testid="block-confirm"]').exists()).toBe(true);
  });

  it('lists blocked users under the contacts, each with Unblock', async () => {
    const client = createFakeClient(signedInState({ friends: [friendOf(carol)], blocked: [{ user: bob, since: 1 }] }));
    const wrapper = mount(ContactList, { global: withClient(client) });
    expect(wrapper.get('[data-testid="blocked-list"]').attributes('aria-label')).toBe('Blocked users');
    expect(wrapper.findAll('[data-testid="blocked-item"]').map((item) => item.attributes('data-username'))).toEqual(['bob']);
    await wrapper.get('[data-testid="blocked-unblock"]').trigger('click');
    await flushPromises();
    expect(client.unblock).toHaveBeenCalledWith(bob.id);
    expect(wrapper.find('[data-testid="blocked-list"]').exists()).toBe(false);
  });

  it('offers no block for the assistant or a group', async () => {
    const client = createFakeClient(
      signedInState({ conversations: { list: [directConversation({ id: 'c-ai', peer: { id: 'u_assistant', username: 'assistant', displayName: 'AI', avatarUrl: null } })], unreadTotal: 0, loaded: true } }),
    );
    const wrapper = mount(ConversationPane, { props: { conversationId: 'c-ai' }, global: withClient(client) });
    await flushPromises();
    expect(wrapper.find('[data-testid="block-button"]').exists()).toBe(false);
  });

  it('shows the empty timeline when all it holds is places kept from us', () => {
    const kept = { ...textMessage({ seq: 1, senderId: bob.id }), type: 'hidden', content: {} } as never;
    const client = createFakeClient(
      signedInState({ conversations: { list: [directConversation({ lastSeq: 1, readSeq: 1 })], unreadTotal: 0, loaded: true }, messages: { 'c-bob': timeline([{ message: kept, state: 'sent' }]) } }),
    );
    const wrapper = mount(MessageList, { props: { conversationId: 'c-bob' }, global: withClient(client) });
    expect(wrapper.findAll('[data-testid="message-item"]')).toHaveLength(0);
    expect(wrapper.text()).toContain('No messages yet');
  });
});
