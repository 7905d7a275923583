import { mount } from '@vue/test-utils';
import type { Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import ConversationPane from '../ChatApp/ConversationPane.vue';
import { alice, bob, createFakeClient, signedInState, textMessage, timeline } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

const quoting = (seq: number, quoted: { id: string; seq: number; senderId: string }): Message =>
  textMessage({ seq, senderId: bob.id, createdAt: Date.now(), content: { text: 'yes!', replyTo: { messageId: quoted.id, seq: quoted.seq, senderId: quoted.senderId } } });

function mountPane(items: Message[]) {
  const client = createFakeClient(signedInState({ messages: { 'c-bob': timeline(items.map((message) => ({ message, state: 'sent' }))) } }));
  const wrapper = mount(ConversationPane, { props: { conversationId: 'c-bob' }, global: withClient(client), attachTo: document.body });
  return { client, wrapper };
}

describe('replies', () => {
  it('quotes the original as the client holds it, with its sender, and jumps to it on click', async () => {
    const original = textMessage({ seq: 1, senderId: alice.id, text: 'lunch at 12?' });
    const { client, wrapper } = mountPane([original, quoting(2, { id: original.id, seq: 1, senderId: alice.id })]);
    const quote = wrapper.get('[data-testid="message-quote"]');
    expect(quote.text()).toBe('Youlunch at 12?');
    await quote.trigger('click');
    expect(client.jumpTo).toHaveBeenCalledWith('c-bob', 1);
    wrapper.unmount();
  });

  it('says the original is not loaded, or recalled, without showing old content', async () => {
    const missing = quoting(60, { id: 'm-3', seq: 3, senderId: alice.id });
    const { wrapper } = mountPane([missing]);
    expect(wrapper.get('[data-testid="message-quote"]').text()).toBe('YouShow the original message');
    wrapper.unmount();
    const recalled = { ...textMessage({ seq: 3, senderId: alice.id }), type: 'recalled', content: { byId: alice.id, byName: 'Alice', recalledAt: 1 } } as Message;
    const again = mountPane([recalled, missing]);
    expect(again.wrapper.get('[data-testid="message-quote"]').text()).toBe('YouThe original was recalled');
    again.wrapper.unmount();
  });

  it('Reply in the message menu puts a reply bar over the composer, and the send carries the quoted message', async () => {
    const original = textMessage({ seq: 1, senderId: bob.id, text: 'are you coming?', createdAt: Date.now() });
    const { client, wrapper } = mountPane([original]);
    await wrapper.get('[data-testid="message-actions"]').trigger('click');
    await wrapper.get('[data-testid="message-reply"]').trigger('click');
    await nextTick();
    expect(wrapper.get('[data-testid="reply-bar"]').text()).toContain('Replying to Bob Stone');
    await wrapper.get('[data-testid="composer-input"]').setValue('on my way');
    await wrapper.get('form.confab-composer').trigger('submit');
    expect(client.sendText).toHaveBeenCalledWith('c-bob', 'on my way', { replyTo: original });
    await nextTick();
    expect(wrapper.find('[data-testid="reply-bar"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
