import { mount, flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import Composer from './Composer.vue';
import { createFakeClient, signedInState, wireLikeError } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

function setup() {
  const client = createFakeClient(signedInState());
  const wrapper = mount(Composer, { props: { conversationId: 'c-bob' }, global: withClient(client) });
  return { client, wrapper, input: wrapper.get('[data-testid="composer-input"]') };
}

describe('Composer', () => {
  it('sends the trimmed text on Enter and clears the box', async () => {
    const { client, wrapper, input } = setup();
    await input.setValue('  hello there \n');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(client.sendText).toHaveBeenCalledWith('c-bob', 'hello there');
    expect((input.element as HTMLTextAreaElement).value).toBe('');
    expect(wrapper.emitted('sent')).toHaveLength(1);
  });

  it('does not send on Shift+Enter', async () => {
    const { client, input } = setup();
    await input.setValue('line one');
    await input.trigger('keydown', { key: 'Enter', shiftKey: true });
    expect(client.sendText).not.toHaveBeenCalled();
  });

  it('keeps the send button disabled for blank text', async () => {
    const { client, wrapper, input } = setup();
    const send = wrapper.get('[data-testid="composer-send"]');
    expect(send.attributes('disabled')).toBeDefined();
    await input.setValue('   ');
    expect(send.attributes('disabled')).toBeDefined();
    await input.trigger('keydown', { key: 'Enter' });
    expect(client.sendText).not.toHaveBeenCalled();
    await input.setValue('hi');
    expect(send.attributes('disabled')).toBeUndefined();
    await wrapper.get('form').trigger('submit');
    expect(client.sendText).toHaveBeenCalledWith('c-bob', 'hi');
  });

  it('shows the error when sending fails', async () => {
    const { client, wrapper, input } = setup();
    vi.mocked(client.sendText).mockRejectedValueOnce(wireLikeError('NOT_FRIENDS', 'You are not friends any more'));
    await input.setValue('hello');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('You are not friends any more');
  });

  it('uses a 16px font and an accessible label on the text box', () => {
    const { input } = setup();
    expect(input.attributes('aria-label')).toBe('Message');
  });

  it('renders a custom send slot', () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(Composer, { props: { conversationId: 'c-bob' }, slots: { send: 'Go' }, global: withClient(client) });
    expect(wrapper.get('[data-testid="composer-send"]').text()).toBe('Go');
  });
});
