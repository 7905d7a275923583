import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import RequestList from './RequestList.vue';
import { alice, bob, carol, createFakeClient, friendRequest, signedInState, wireLikeError } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

function setup() {
  const client = createFakeClient(
    signedInState({
      requests: [
        friendRequest({ id: 'r-in', from: carol, to: alice, note: '<script>hi</script>' }),
        friendRequest({ id: 'r-out', from: alice, to: bob, note: '' }),
        friendRequest({ id: 'r-done', from: bob, to: alice, status: 'accepted' }),
      ],
    }),
  );
  const wrapper = mount(RequestList, { global: withClient(client) });
  return { client, wrapper };
}

describe('RequestList', () => {
  it('shows direction, status and the note as text', () => {
    const { wrapper } = setup();
    const items = wrapper.findAll('[data-testid="request-item"]');
    expect(items.map((item) => [item.attributes('data-direction'), item.attributes('data-status')])).toEqual([
      ['incoming', 'pending'],
      ['outgoing', 'pending'],
      ['incoming', 'accepted'],
    ]);
    expect(items[0]?.text()).toContain('<script>hi</script>');
    expect(items[2]?.text()).toContain('Accepted');
    expect(items[2]?.find('button').exists()).toBe(false);
  });

  it('accepts and rejects incoming requests', async () => {
    const { client, wrapper } = setup();
    await wrapper.get('[data-testid="request-accept"]').trigger('click');
    await flushPromises();
    expect(client.acceptRequest).toHaveBeenCalledWith('r-in');
    expect(wrapper.emitted('handled')?.[0]?.[0]).toBe('accept');
    await wrapper.get('[data-testid="request-reject"]').trigger('click');
    await flushPromises();
    expect(client.rejectRequest).toHaveBeenCalledWith('r-in');
  });

  it('cancels outgoing requests', async () => {
    const { client, wrapper } = setup();
    expect(wrapper.findAll('[data-testid="request-cancel"]')).toHaveLength(1);
    await wrapper.get('[data-testid="request-cancel"]').trigger('click');
    await flushPromises();
    expect(client.cancelRequest).toHaveBeenCalledWith('r-out');
  });

  it('shows an error next to the request', async () => {
    const { client, wrapper } = setup();
    vi.mocked(client.acceptRequest).mockRejectedValueOnce(wireLikeError('CONFLICT', 'Already handled'));
    await wrapper.get('[data-testid="request-accept"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('Already handled');
  });

  it('shows the empty slot without requests', () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(RequestList, { slots: { empty: 'All quiet' }, global: withClient(client) });
    expect(wrapper.text()).toBe('All quiet');
  });
});
