import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import ContactList from './ContactList.vue';
import { bob, carol, createFakeClient, friendOf, signedInState, wireLikeError } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

function setup() {
  const client = createFakeClient(signedInState({ friends: [friendOf(bob), friendOf(carol)] }));
  const wrapper = mount(ContactList, { global: withClient(client) });
  return { client, wrapper };
}

describe('ContactList', () => {
  it('lists friends with their usernames', () => {
    const { wrapper } = setup();
    expect(wrapper.findAll('[data-testid="contact-item"]').map((item) => item.attributes('data-username'))).toEqual(['bob', 'carol']);
  });

  it('emits open with the direct conversation id', async () => {
    const { wrapper } = setup();
    await wrapper.get('[data-username="carol"] .confab-contact__open').trigger('click');
    expect(wrapper.emitted('open')?.[0]?.[0]).toBe('c-carol');
  });

  it('removes a friend only after confirmation', async () => {
    const { client, wrapper } = setup();
    await wrapper.get('[data-username="bob"] [data-testid="contact-remove"]').trigger('click');
    expect(client.removeFriend).not.toHaveBeenCalled();
    await wrapper.get('[data-username="bob"] [data-testid="contact-remove-confirm"]').trigger('click');
    await flushPromises();
    expect(client.removeFriend).toHaveBeenCalledWith(bob.id);
    expect(wrapper.emitted('removed')).toHaveLength(1);
  });

  it('can back out of removing', async () => {
    const { client, wrapper } = setup();
    await wrapper.get('[data-username="bob"] [data-testid="contact-remove"]').trigger('click');
    await wrapper.get('[data-username="bob"] .confab-contact__confirm button:last-child').trigger('click');
    expect(wrapper.find('[data-testid="contact-remove-confirm"]').exists()).toBe(false);
    expect(client.removeFriend).not.toHaveBeenCalled();
  });

  it('shows a removal error', async () => {
    const { client, wrapper } = setup();
    vi.mocked(client.removeFriend).mockRejectedValueOnce(wireLikeError('NOT_FOUND', 'Not a friend'));
    await wrapper.get('[data-username="bob"] [data-testid="contact-remove"]').trigger('click');
    await wrapper.get('[data-testid="contact-remove-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('Not a friend');
  });

  it('offers no Remove for the assistant, which the server never lets go', () => {
    const assistant = { id: 'u_assistant', username: 'assistant', displayName: 'Assistant', avatarUrl: null };
    const client = createFakeClient(signedInState({ friends: [friendOf(assistant), friendOf(bob)] }));
    const wrapper = mount(ContactList, { global: withClient(client) });
    const items = wrapper.findAll('[data-testid="contact-item"]');
    expect(items.map((item) => item.attributes('data-username'))).toEqual(['assistant', 'bob']);
    expect(items[0]!.find('[data-testid="contact-remove"]').exists()).toBe(false);
    expect(items[1]!.find('[data-testid="contact-remove"]').exists()).toBe(true);
  });

  it('shows the empty slot without friends', () => {
    const client = createFakeClient(signedInState({ friends: [] }));
    const wrapper = mount(ContactList, { slots: { empty: 'Lonely' }, global: withClient(client) });
    expect(wrapper.text()).toBe('Lonely');
  });
});
