import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ConversationPane from '../ChatApp/ConversationPane.vue';
import { bob, createFakeClient, signedInState } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import TypingIndicator from './TypingIndicator.vue';

describe('TypingIndicator', () => {
  it('names one or two typists, counts more, and is empty (but present for screen readers) otherwise', () => {
    const text = (names: string[]) => mount(TypingIndicator, { props: { names } }).get('[data-testid="typing-indicator"]').text();
    expect(text([])).toBe('');
    expect(text(['Bob'])).toBe('Bob is typing…');
    expect(text(['Bob', 'Carol'])).toBe('Bob and Carol are typing…');
    expect(text(['Bob', 'Carol', 'Dan'])).toBe('3 people are typing…');
  });
});

describe('typing in the conversation pane', () => {
  it("shows the peer typing by name, and tells the client on every keystroke (it throttles)", async () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(ConversationPane, { props: { conversationId: 'c-bob' }, global: withClient(client) });
    expect(wrapper.get('[data-testid="typing-indicator"]').text()).toBe('');
    client.setState({ typing: { 'c-bob': { [bob.id]: Date.now() + 5000 } } });
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="typing-indicator"]').text()).toBe(`${bob.displayName} is typing…`);
    await wrapper.get('[data-testid="composer-input"]').setValue('h');
    await wrapper.get('[data-testid="composer-input"]').setValue('hi');
    expect(client.notifyTyping).toHaveBeenCalledTimes(2);
    expect(client.notifyTyping).toHaveBeenCalledWith('c-bob');
  });
});
