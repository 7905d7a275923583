import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ConversationList from '../ConversationList/ConversationList.vue';
import { carol, createFakeClient, directConversation, signedInState } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import UnreadIndicator from './UnreadIndicator.vue';

describe('UnreadIndicator', () => {
  it('shows the count normally, a dot instead when muted, and a mark when marked unread', () => {
    const indicator = (fields: { unread?: number; muted?: boolean; markedUnread?: boolean; pinned?: boolean }) =>
      mount(UnreadIndicator, { props: { conversation: { unread: 0, muted: false, pinned: false, ...fields } } });
    const plain = indicator({ unread: 3 });
    expect(plain.get('[data-testid="conversation-unread"]').text()).toBe('3');
    expect(plain.find('[data-testid="conversation-unread-dot"]').exists()).toBe(false);

    const muted = indicator({ unread: 3, muted: true });
    expect(muted.find('[data-testid="conversation-unread"]').exists()).toBe(false);
    expect(muted.get('[data-testid="conversation-unread-dot"]').attributes('aria-label')).toBe('Muted, 3 unread');
    expect(muted.find('[data-testid="conversation-muted"]').exists()).toBe(true);
    expect(indicator({ muted: true }).find('[data-testid="conversation-unread-dot"]').exists()).toBe(false);

    expect(indicator({ markedUnread: true }).get('[data-testid="conversation-unread-mark"]').attributes('aria-label')).toBe('Marked unread');
    expect(indicator({ pinned: true }).find('[data-testid="conversation-pinned"]').exists()).toBe(true);
  });
});

describe('ConversationMenu in the list', () => {
  it('pins, mutes, marks unread and hides through the client, offering what fits each row', async () => {
    const list = [directConversation({ id: 'c-carol', peer: carol, pinned: true, unread: 2 }), directConversation()];
    const client = createFakeClient(signedInState({ conversations: { list, unreadTotal: 2, loaded: true } }));
    const wrapper = mount(ConversationList, { global: withClient(client), attachTo: document.body });
    const [carolRow, bobRow] = wrapper.findAll('[data-testid="conversation-item"]');

    await carolRow!.get('[data-testid="conversation-menu"]').trigger('click');
    expect(carolRow!.get('[data-testid="conversation-pin"]').text()).toBe('Unpin');
    expect(carolRow!.find('[data-testid="conversation-mark-unread"]').exists()).toBe(false);
    await carolRow!.get('[data-testid="conversation-mark-read"]').trigger('click');
    expect(client.markRead).toHaveBeenCalledWith('c-carol', list[0]!.lastSeq);

    await bobRow!.get('[data-testid="conversation-menu"]').trigger('click');
    await bobRow!.get('[data-testid="conversation-pin"]').trigger('click');
    expect(client.setConversationSettings).toHaveBeenLastCalledWith('c-bob', { pinned: true });
    for (const [testId, change] of [
      ['conversation-mute', { muted: true }],
      ['conversation-mark-unread', { markedUnread: true }],
      ['conversation-hide', { hidden: true }],
    ] as const) {
      await bobRow!.get('[data-testid="conversation-menu"]').trigger('click');
      await bobRow!.get(`[data-testid="${testId}"]`).trigger('click');
      expect(client.setConversationSettings).toHaveBeenLastCalledWith('c-bob', change);
    }
    wrapper.unmount();
  });

  it('leaves out conversations hidden until their next message, and shows them once it came', async () => {
    const hidden = directConversation({ lastSeq: 4, hiddenSeq: 4 });
    const client = createFakeClient(signedInState({ conversations: { list: [directConversation({ id: 'c-carol', peer: carol }), hidden], unreadTotal: 0, loaded: true } }));
    const wrapper = mount(ConversationList, { global: withClient(client) });
    expect(wrapper.findAll('[data-testid="conversation-item"]').map((item) => item.attributes('data-peer'))).toEqual(['carol']);
    client.setState({ conversations: { list: [{ ...hidden, lastSeq: 5 }], unreadTotal: 1, loaded: true } });
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('[data-testid="conversation-item"]').map((item) => item.attributes('data-peer'))).toEqual(['bob']);
  });

  it('has no menu for a list of given conversations unless asked', () => {
    const client = createFakeClient(signedInState());
    const given = mount(ConversationList, { props: { conversations: [directConversation()] }, global: withClient(client) });
    expect(given.find('[data-testid="conversation-menu"]').exists()).toBe(false);
    const asked = mount(ConversationList, { props: { conversations: [directConversation()], menu: true }, global: withClient(client) });
    expect(asked.find('[data-testid="conversation-menu"]').exists()).toBe(true);
  });
});
