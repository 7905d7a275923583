import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import { ConfabPlugin } from './plugin.js';
import { useConfabStore } from './store.js';
import { bob, carol, createFakeClient, wireLikeError } from './test-utils/fakeClient.js';

function setup() {
  const client = createFakeClient();
  const app = createApp({ render: () => null });
  const pinia = createPinia();
  app.use(pinia);
  app.use(ConfabPlugin, { client });
  setActivePinia(pinia);
  return { client, store: useConfabStore() };
}

describe('useConfabStore', () => {
  it('keeps only the answer of the latest search', async () => {
    const { client, store } = setup();
    let answerFirst: (users: never) => void = () => {};
    vi.mocked(client.searchUsers)
      .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve as never)))
      .mockResolvedValueOnce([carol]);
    const first = store.search('b');
    await store.search('ca');
    answerFirst([bob] as never);
    await first;
    expect(store.searchResults).toEqual([carol]);
    expect(store.searchPending).toBe(false);
  });

  it('clears results for a blank query without calling the client', async () => {
    const { client, store } = setup();
    await store.search('   ');
    expect(client.searchUsers).not.toHaveBeenCalled();
    expect(store.searchResults).toEqual([]);
  });

  it('keeps the search error as text', async () => {
    const { client, store } = setup();
    vi.mocked(client.searchUsers).mockRejectedValueOnce(wireLikeError('RATE_LIMITED', 'Slow down'));
    await store.search('bob');
    expect(store.searchError).toBe('Slow down');
  });

  it('logs out through the client and resets the UI state', () => {
    const { client, store } = setup();
    store.selectConversation('c-bob');
    store.setTab('requests');
    store.logout();
    expect(client.logout).toHaveBeenCalled();
    expect(store.selectedConversationId).toBeNull();
    expect(store.tab).toBe('chats');
  });
});
