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

  it('gives the text back when a send is refused before it reached the timeline', async () => {
    const { client, input } = setup();
    vi.mocked(client.sendText).mockRejectedValueOnce(wireLikeError('NETWORK', 'Cannot reach the server'));
    await input.setValue('keep me');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect((input.element as HTMLTextAreaElement).value).toBe('keep me');
  });

  it('counts characters near the limit and refuses text over it instead of cutting it', async () => {
    const { client, wrapper, input } = setup();
    await input.setValue('x'.repeat(3000));
    expect(wrapper.find('[data-testid="composer-counter"]').exists()).toBe(false);
    await input.setValue('😀'.repeat(3700));
    expect(wrapper.get('[data-testid="composer-counter"]').text()).toBe('3700 / 4000');
    await input.setValue('😀'.repeat(4001));
    expect(wrapper.get('[data-testid="composer-counter"]').text()).toBe('4001 / 4000 — too long to send');
    expect(wrapper.get('[data-testid="composer-send"]').attributes('disabled')).toBeDefined();
    expect((input.element as HTMLTextAreaElement).value).toHaveLength(8002);
    await input.trigger('keydown', { key: 'Enter' });
    expect(client.sendText).not.toHaveBeenCalled();
  });

  it('treats zero-width characters as blank', async () => {
    const { wrapper, input } = setup();
    await input.setValue('\u200B\u200B');
    expect(wrapper.get('[data-testid="composer-send"]').attributes('disabled')).toBeDefined();
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
