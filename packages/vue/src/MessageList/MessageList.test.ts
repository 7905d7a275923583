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
  it('shows the timeline in a labelled, focusable region, mine and theirs apart', () => {
    const { wrapper } = setup();
    const region = wrapper.get('[role="region"]');
    expect(region.attributes('aria-label')).toBe('Messages');
    expect(region.attributes('tabindex')).toBe('0');
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

  it('announces a message from someone else in the polite live region, not my own', async () => {
    const { client, wrapper } = setup();
    const messages = client.getState().messages['c-bob']!;
    const announcer = () => wrapper.get('[data-testid="message-announcer"]');
    expect(announcer().attributes('aria-live')).toBe('polite');
    client.setState({ messages: { 'c-bob': { ...messages, items: [...messages.items, { message: textMessage({ seq: 4, text: 'lunch?' }), state: 'sent' }] } } });
    await nextTick();
    expect(announcer().text()).toBe('Bob Stone: lunch?');
    const after = client.getState().messages['c-bob']!;
    client.setState({ messages: { 'c-bob': { ...after, items: [...after.items, { message: textMessage({ seq: 5, senderId: alice.id, text: 'mine' }), state: 'sent' }] } } });
    await nextTick();
    expect(announcer().text()).toBe('Bob Stone: lunch?');
  });

  it('puts the "new messages" marker before the first unread message from the other side', () => {
    const client = createFakeClient(
      signedInState({
        conversations: { list: [directConversation({ readSeq: 1, lastSeq: 3, unread: 2 })], unreadTotal: 2, loaded: true },
        messages: {
          'c-bob': timeline([
            { message: textMessage({ seq: 1 }), state: 'sent' },
            { message: textMessage({ seq: 2 }), state: 'sent' },
            { message: textMessage({ seq: 3 }), state: 'sent' },
          ]),
        },
      }),
    );
    const wrapper = mount(MessageList, { props: { conversationId: 'c-bob' }, global: withClient(client) });
    const order = wrapper.findAll('[data-testid="message-item"], [data-testid="unread-marker"]').map((node) => node.attributes('data-seq') ?? 'marker');
    expect(order).toEqual(['1', 'marker', '2', '3']);
    expect(wrapper.get('[data-testid="unread-marker"]').text()).toBe('New messages');
  });

  it('separates calendar days in the viewer zone: Tokyo at 08:30 puts 07:00 under "Today"', () => {
    const client = createFakeClient(
      signedInState({
        conversations: { list: [directConversation({ lastSeq: 2 })], unreadTotal: 0, loaded: true },
        messages: {
          'c-bob': timeline([
            { message: textMessage({ seq: 1, createdAt: Date.parse('2024-03-04T23:00:00+09:00') }), state: 'sent' },
            { message: textMessage({ seq: 2, createdAt: Date.parse('2024-03-05T07:00:00+09:00') }), state: 'sent' },
          ]),
        },
      }),
    );
    const wrapper = mount(MessageList, {
      props: { conversationId: 'c-bob', now: Date.parse('2024-03-05T08:30:00+09:00') },
      global: withClient(client, { timeZone: 'Asia/Tokyo' }),
    });
    const rows = wrapper.findAll('[data-testid="day-separator"], [data-testid="message-item"]');
    expect(rows.map((row) => row.attributes('data-seq') ?? row.text())).toEqual(['Yesterday', '1', 'Today', '2']);
  });

  it('offers "jump to latest" with the count of messages that arrived below while scrolled up', async () => {
    const { client, wrapper } = setup();
    await nextTick(); // it lands at the latest message first
    const scroller = wrapper.get('[data-testid="message-scroller"]');
    Object.defineProperties(scroller.element, { scrollHeight: { value: 2000 }, clientHeight: { value: 400 } });
    scroller.element.scrollTop = 600;
    await scroller.trigger('scroll');
    expect(wrapper.get('[data-testid="jump-to-latest"]').text()).toBe('Jump to latest');
    const messages = client.getState().messages['c-bob']!;
    const incoming = [4, 5].map((seq) => ({ message: textMessage({ seq }), state: 'sent' as const }));
    client.setState({ messages: { 'c-bob': { ...messages, items: [...messages.items, ...incoming] } } });
    await nextTick();
    expect(wrapper.get('[data-testid="new-below"]').text()).toBe('2');
    expect(wrapper.get('[data-testid="new-below"]').attributes('aria-label')).toBe('2 new messages');
    await wrapper.get('[data-testid="jump-to-latest"]').trigger('click');
    expect(wrapper.find('[data-testid="jump-to-latest"]').exists()).toBe(false);
  });

  it('renders a row slot instead of the bubble, and a message slot inside it', () => {
    const client = setup().client;
    const rows = mount(MessageList, {
      props: { conversationId: 'c-bob' },
      slots: { row: '<template #row="{ item, mine }"><p class="custom-row">{{ item.message.seq }}:{{ mine }}</p></template>' },
      global: withClient(client),
    });
    expect(rows.findAll('.custom-row').map((row) => row.text())).toEqual(['1:false', '2:true', '3:true', '0:true']);
    const bodies = mount(MessageList, {
      props: { conversationId: 'c-bob' },
      slots: { message: '<template #message="{ message }"><em>{{ message.content.text.toUpperCase() }}</em></template>' },
      global: withClient(client),
    });
    expect(bodies.findAll('em').map((node) => node.text())).toContain('MESSAGE 2');
    expect(bodies.findAll('[data-testid="message-item"]')).toHaveLength(4);
  });

  it('speaks the plugin locale', () => {
    const client = setup().client;
    const wrapper = mount(MessageList, { props: { conversationId: 'c-bob' }, global: withClient(client, { locale: 'zh-CN' }) });
    expect(wrapper.get('[role="region"]').attributes('aria-label')).toBe('消息');
  });
});
