import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ConversationList from './ConversationList.vue';
import ConversationListItem from './ConversationListItem.vue';
import {
  alice,
  carol,
  createFakeClient,
  directConversation,
  emptyState,
  signedInState,
  textMessage,
} from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

const now = new Date(2024, 4, 10, 18, 0).getTime();

describe('ConversationListItem', () => {
  it('shows name, a single-line preview, the time today and the unread badge', () => {
    const conversation = directConversation({
      unread: 150,
      lastMessage: textMessage({ seq: 9, text: 'see you\nat <b>noon</b>', createdAt: new Date(2024, 4, 10, 9, 7).getTime() }),
    });
    const wrapper = mount(ConversationListItem, { props: { conversation, now } });
    const root = wrapper.get('[data-testid="conversation-item"]');
    expect(root.attributes('data-conversation-id')).toBe('c-bob');
    expect(root.attributes('data-peer')).toBe('bob');
    expect(wrapper.text()).toContain('Bob Stone');
    expect(wrapper.get('[data-testid="conversation-preview"]').text()).toBe('see you at <b>noon</b>');
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.get('time').text()).toMatch(/^9:07\sAM$/u);
    expect(wrapper.get('[data-testid="conversation-unread"]').text()).toBe('99+');
  });

  it('has no unread badge at 0 and prefixes own last messages', () => {
    const conversation = directConversation({ lastMessage: textMessage({ seq: 1, senderId: alice.id, text: 'hi', createdAt: now }) });
    const wrapper = mount(ConversationListItem, { props: { conversation, meId: alice.id, now } });
    expect(wrapper.find('[data-testid="conversation-unread"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="conversation-preview"]').text()).toBe('You: hi');
  });

  it('emits select and shows the selected state', async () => {
    const wrapper = mount(ConversationListItem, { props: { conversation: directConversation(), selected: true } });
    expect(wrapper.classes()).toContain('confab-conversation--selected');
    expect(wrapper.get('button').attributes('aria-current')).toBe('true');
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('select')).toEqual([['c-bob']]);
  });

  it('renders a preview slot', () => {
    const wrapper = mount(ConversationListItem, {
      props: { conversation: directConversation() },
      slots: { preview: 'typing…' },
    });
    expect(wrapper.get('[data-testid="conversation-preview"]').text()).toBe('typing…');
  });
});

describe('ConversationList', () => {
  it('lists the conversations in the order the core gives', () => {
    const list = [directConversation({ id: 'c-carol', peer: carol }), directConversation()];
    const client = createFakeClient(signedInState({ conversations: { list, unreadTotal: 0, loaded: true } }));
    const wrapper = mount(ConversationList, { props: { selectedId: 'c-bob' }, global: withClient(client) });
    const items = wrapper.findAll('[data-testid="conversation-item"]');
    expect(items.map((item) => item.attributes('data-peer'))).toEqual(['carol', 'bob']);
    expect(items[1]?.classes()).toContain('confab-conversation--selected');
  });

  it('re-emits select from an item', async () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(ConversationList, { global: withClient(client) });
    await wrapper.get('[data-testid="conversation-item"] button').trigger('click');
    expect(wrapper.emitted('select')).toEqual([['c-bob']]);
  });

  it('shows the empty slot once loaded and a loading text before', async () => {
    const client = createFakeClient(emptyState());
    const wrapper = mount(ConversationList, { slots: { empty: 'Nobody yet' }, global: withClient(client) });
    expect(wrapper.text()).toContain('Loading');
    client.setState({ conversations: { list: [], unreadTotal: 0, loaded: true } });
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toContain('Nobody yet');
  });

  it('shows given conversations instead of the client ones', () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(ConversationList, {
      props: { conversations: [directConversation({ id: 'c-carol', peer: carol })] },
      global: withClient(client),
    });
    expect(wrapper.findAll('[data-testid="conversation-item"]').map((item) => item.attributes('data-peer'))).toEqual(['carol']);
  });
});
