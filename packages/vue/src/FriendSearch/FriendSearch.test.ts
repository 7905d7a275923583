import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FriendSearch from './FriendSearch.vue';
import { alice, bob, carol, createFakeClient, friendOf, signedInState, wireLikeError } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

function setup() {
  const client = createFakeClient(signedInState({ friends: [friendOf(bob)] }));
  vi.mocked(client.searchUsers).mockResolvedValue([alice, bob, carol]);
  const wrapper = mount(FriendSearch, { props: { debounce: 200 }, global: withClient(client) });
  return { client, wrapper };
}

async function search(wrapper: ReturnType<typeof setup>['wrapper'], query: string) {
  await wrapper.get('[data-testid="user-search-input"]').setValue(query);
  vi.advanceTimersByTime(200);
  await flushPromises();
}

describe('FriendSearch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('searches after typing and hides the signed-in user', async () => {
    const { client, wrapper } = setup();
    await search(wrapper, ' car ');
    expect(client.searchUsers).toHaveBeenCalledTimes(1);
    expect(client.searchUsers).toHaveBeenCalledWith('car');
    const results = wrapper.findAll('[data-testid="user-search-result"]');
    expect(results.map((result) => result.attributes('data-username'))).toEqual(['bob', 'carol']);
    expect(results[0]?.find('[data-testid="user-add"]').exists()).toBe(false);
    expect(results[0]?.text()).toContain('Friend');
  });

  it('sends a friend request with the note and says so', async () => {
    const { client, wrapper } = setup();
    await search(wrapper, 'carol');
    await wrapper.get('[data-testid="request-note"]').setValue('  we met at the conf ');
    await wrapper.get('[data-username="carol"] [data-testid="user-add"]').trigger('click');
    await flushPromises();
    expect(client.sendFriendRequest).toHaveBeenCalledWith(carol.id, 'we met at the conf');
    expect(wrapper.get('[data-username="carol"]').text()).toContain('Request sent');
    expect(wrapper.find('[data-username="carol"] [data-testid="user-add"]').exists()).toBe(false);
    expect(wrapper.emitted('requested')).toHaveLength(1);
  });

  it('sends no note when the note is blank', async () => {
    const { client, wrapper } = setup();
    await search(wrapper, 'carol');
    await wrapper.get('[data-testid="user-add"]').trigger('click');
    expect(client.sendFriendRequest).toHaveBeenCalledWith(carol.id, undefined);
  });

  it("shows the error's message when the request fails", async () => {
    const { client, wrapper } = setup();
    vi.mocked(client.sendFriendRequest).mockRejectedValueOnce(wireLikeError('CONFLICT', 'A request is already pending'));
    await search(wrapper, 'carol');
    await wrapper.get('[data-testid="user-add"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-username="carol"] [role="alert"]').text()).toBe('A request is already pending');
    expect(wrapper.find('[data-username="carol"] [data-testid="user-add"]').exists()).toBe(true);
  });

  it('says when no one was found', async () => {
    const { client, wrapper } = setup();
    vi.mocked(client.searchUsers).mockResolvedValueOnce([]);
    await search(wrapper, 'zed');
    expect(wrapper.text()).toContain('No one found.');
  });
});
