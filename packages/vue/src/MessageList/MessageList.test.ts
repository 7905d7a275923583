import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import MessageList from './MessageList.vue';
import {
  alice,
  createFakeClient,
  directConversation,
  signedInState,
  textMessage,
  timeline,
} from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

function setup(hasOlder = false) {
  const client = createFakeClient(
    signedInState({
      conversations: { list: [directConversation({ peerReadSeq: 2, lastSeq: 3 })], unreadTotal: 0, loaded: true },
      messages: {
        'c-bob': timeline(
          [
            { message: textMessage({ seq: 1 }), state: 'sent' },
            { message: textMessage({ seq: 2, senderId: alice.id }), state: 'sent' },
            { message: textMessage({ seq: 3, senderId: alice.id }), state: 'sent' },
            { message: textMessage({ seq: 0, senderId: alice.id, clientMsgId: 'cm-failed' }), state: 'failed' },
          ],
          { hasOlder },
        ),
      },
    }),
  );
  const wrapper = mount(MessageList, { props: { conversationId: 'c-bob' }, global: withClient(client) });
  return { client, wrapper };
}

describe('MessageList', () => {
  it('shows the timeline as a polite live log, mine and theirs apart', () => {
    const { wrapper } = setup();
    expect(wrapper.get('[role="log"]').attributes('aria-live')).toBe('polite');
    const items = wrapper.findAll('[data-testid="message-item"]');
    expect(items.map((item) => item.attributes('data-mine'))).toEqual(['false', 'true', 'true', 'true']);
    expect(items.map((item) => item.attributes('data-state'))).toEqual(['sent', 'sent', 'sent', 'failed']);
  });

  it('marks own messages read up to the peer read cursor', () => {
    const { wrapper } = setup();
    const items = wrapper.findAll('[data-testid="message-item"]');
    expect(items[1]?.attributes('data-read')).toBe('true');
    expect(items[2]?.attributes('data-read')).toBeUndefined();
  });

  it('retries a failed message through the client', async () => {
    const { client, wrapper } = setup();
    await wrapper.get('[data-testid="message-retry"]').trigger('click');
    expect(client.retry).toHaveBeenCalledWith('c-bob', 'cm-failed');
  });

  it('loads older messages with the button only when there are some', async () => {
    const without = setup(false);
    expect(without.wrapper.find('[data-testid="load-older"]').exists()).toBe(false);

    const { client, wrapper } = setup(true);
    await wrapper.get('[data-testid="load-older"]').trigger('click');
    expect(client.loadOlder).toHaveBeenCalledWith('c-bob');
    await nextTick();
    await nextTick();
    expect(wrapper.emitted('loaded-older')).toHaveLength(1);
  });

  it('shows a loading indicator while the core fetches a page', async () => {
    const { client, wrapper } = setup(true);
    client.setState({ messages: { 'c-bob': timeline([], { hasOlder: true, loading: true }) } });
    await nextTick();
    expect(wrapper.find('[role="status"]').text()).toContain('Loading');
    expect(wrapper.find('[data-testid="load-older"]').exists()).toBe(false);
  });

  it('shows the empty slot without messages', () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(MessageList, {
      props: { conversationId: 'c-bob' },
      slots: { empty: 'Nothing here' },
      global: withClient(client),
    });
    expect(wrapper.text()).toContain('Nothing here');
  });

  it('appends new messages as they arrive', async () => {
    const { client, wrapper } = setup();
    const messages = client.getState().messages['c-bob']!;
    client.setState({
      messages: { 'c-bob': { ...messages, items: [...messages.items, { message: textMessage({ seq: 4 }), state: 'sent' }] } },
    });
    await nextTick();
    expect(wrapper.findAll('[data-testid="message-item"]')).toHaveLength(5);
  });
});
