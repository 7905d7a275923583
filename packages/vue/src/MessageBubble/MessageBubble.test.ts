import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import MessageBubble from './MessageBubble.vue';
import { alice, textMessage } from '../test-utils/fakeClient.js';

describe('MessageBubble', () => {
  it('renders message text literally, never as HTML', () => {
    const text = '<img src=x onerror=alert(1)>';
    const wrapper = mount(MessageBubble, { props: { item: { message: textMessage({ seq: 3, text }), state: 'sent' }, mine: false } });
    expect(wrapper.find('[data-testid="message-text"]').text()).toBe(text);
    expect(wrapper.find('img').exists()).toBe(false);
  });

  it('links web addresses safely: http(s) only, opened in a new tab without the opener', () => {
    const text = 'menu at https://food.example/menu, not javascript:alert(1)';
    const wrapper = mount(MessageBubble, { props: { item: { message: textMessage({ seq: 4, text }), state: 'sent' }, mine: false } });
    const links = wrapper.findAll('a');
    expect(links.map((link) => [link.attributes('href'), link.attributes('rel'), link.attributes('target')])).toEqual([
      ['https://food.example/menu', 'noopener noreferrer nofollow', '_blank'],
    ]);
    expect(wrapper.get('[data-testid="message-text"]').text()).toBe(text);
  });

  it('carries seq, state and mine as data attributes', () => {
    const wrapper = mount(MessageBubble, {
      props: { item: { message: textMessage({ seq: 7, senderId: alice.id }), state: 'sent' }, mine: true },
    });
    const root = wrapper.get('[data-testid="message-item"]');
    expect(root.attributes('data-seq')).toBe('7');
    expect(root.attributes('data-state')).toBe('sent');
    expect(root.attributes('data-mine')).toBe('true');
    expect(root.classes()).toContain('confab-message--mine');
  });

  it('shows sent, read and sending states for own messages', async () => {
    const item = { message: textMessage({ seq: 2, senderId: alice.id }), state: 'sent' as const };
    const wrapper = mount(MessageBubble, { props: { item, mine: true, read: false } });
    expect(wrapper.find('[aria-label="Sent"]').exists()).toBe(true);
    await wrapper.setProps({ read: true });
    expect(wrapper.find('[aria-label="Read"]').exists()).toBe(true);
    await wrapper.setProps({ item: { message: textMessage({ seq: 0, senderId: alice.id }), state: 'sending' } });
    expect(wrapper.find('[aria-label="Sending"]').exists()).toBe(true);
  });

  it('shows no delivery state on messages of others', () => {
    const wrapper = mount(MessageBubble, { props: { item: { message: textMessage({ seq: 2 }), state: 'sent' }, mine: false, read: true } });
    expect(wrapper.find('.confab-message__status').exists()).toBe(false);
  });

  it('offers Retry on a failed own message and emits its clientMsgId', async () => {
    const message = textMessage({ seq: 0, senderId: alice.id, clientMsgId: 'cm-x' });
    const wrapper = mount(MessageBubble, {
      props: { item: { message, state: 'failed', error: { code: 'INTERNAL', message: 'Server hiccup' } }, mine: true },
    });
    expect(wrapper.text()).toContain('Server hiccup');
    await wrapper.get('[data-testid="message-retry"]').trigger('click');
    expect(wrapper.emitted('retry')).toEqual([['cm-x']]);
  });

  it('offers no Retry when retrying cannot help, such as after the friendship ended', () => {
    const message = textMessage({ seq: 0, senderId: alice.id, clientMsgId: 'cm-y' });
    const wrapper = mount(MessageBubble, {
      props: { item: { message, state: 'failed', error: { code: 'NOT_FRIENDS', message: 'You can only message your friends' } }, mine: true },
    });
    expect(wrapper.text()).toContain('You can only message your friends');
    expect(wrapper.find('[data-testid="message-retry"]').exists()).toBe(false);
  });

  it('lays out right-to-left text by its own direction', () => {
    const wrapper = mount(MessageBubble, { props: { item: { message: textMessage({ seq: 1, text: 'مرحبا 123!' }), state: 'sent' }, mine: false } });
    expect(wrapper.get('[data-testid="message-text"]').attributes('dir')).toBe('auto');
  });

  it('lets a slot render the message body', () => {
    const wrapper = mount(MessageBubble, {
      props: { item: { message: textMessage({ seq: 1, text: 'hello' }), state: 'sent' }, mine: false },
      slots: { default: '<b class="custom">custom body</b>' },
    });
    expect(wrapper.find('.custom').text()).toBe('custom body');
  });
});
