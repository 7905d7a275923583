/* eslint-disable vue/one-component-per-file -- small probe components that call the composables */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, effectScope, h, nextTick } from 'vue';
import { createApp } from 'vue';
import { ConfabPlugin, useChatClient } from './plugin.js';
import { useChatState, useConversations, useMessages, useUnreadTotal } from './composables/useChatState.js';
import { createFakeClient, directConversation, signedInState, textMessage, timeline } from './test-utils/fakeClient.js';
import { withClient } from './test-utils/mount.js';

describe('ConfabPlugin and useChatClient', () => {
  it('useChatClient throws a clear error when the plugin was not installed', () => {
    const Probe = defineComponent({
      setup() {
        useChatClient();
        return () => h('div');
      },
    });
    expect(() => mount(Probe)).toThrowError('useChatClient() needs app.use(ConfabPlugin, { client }) first');
  });

  it('useChatClient returns the client given to the plugin', () => {
    const client = createFakeClient();
    let seen: unknown;
    const Probe = defineComponent({
      setup() {
        seen = useChatClient();
        return () => h('div');
      },
    });
    mount(Probe, { global: withClient(client) });
    expect(seen).toBe(client);
  });

  it('refuses to install without a client', () => {
    const app = createApp({ render: () => null });
    expect(() => app.use(ConfabPlugin, {} as never)).toThrowError(/needs a client/);
  });
});

describe('composables', () => {
  function probe(client: ReturnType<typeof createFakeClient>, conversationId: string | null = 'c-bob') {
    const seen: {
      state?: ReturnType<typeof useChatState>;
      conversations?: ReturnType<typeof useConversations>;
      messages?: ReturnType<typeof useMessages>;
      unread?: ReturnType<typeof useUnreadTotal>;
    } = {};
    const Probe = defineComponent({
      setup() {
        seen.state = useChatState();
        seen.conversations = useConversations();
        seen.messages = useMessages(() => conversationId);
        seen.unread = useUnreadTotal();
        return () => h('div');
      },
    });
    const wrapper = mount(Probe, { global: withClient(client) });
    return { wrapper, seen };
  }

  it('copy the client state and follow its state events', async () => {
    const client = createFakeClient(signedInState());
    const { seen } = probe(client);
    expect(seen.state?.value).toBe(client.getState());
    expect(seen.unread?.value).toBe(0);

    const conversation = directConversation({ unread: 3 });
    client.setState({
      conversations: { list: [conversation], unreadTotal: 3, loaded: true },
      messages: { 'c-bob': timeline([{ message: textMessage({ seq: 1 }), state: 'sent' }]) },
    });
    await nextTick();
    expect(seen.unread?.value).toBe(3);
    expect(seen.conversations?.value.list).toEqual([conversation]);
    expect(seen.messages?.value.items).toHaveLength(1);
  });

  it('useMessages gives an empty timeline for no conversation', () => {
    const client = createFakeClient(signedInState());
    const { seen } = probe(client, null);
    expect(seen.messages?.value).toEqual({ items: [], hasOlder: false, loading: false });
  });

  it('unsubscribe from the client when the component unmounts', () => {
    const client = createFakeClient(signedInState());
    const { wrapper } = probe(client);
    expect(client.listenerCount('state')).toBe(4);
    wrapper.unmount();
    expect(client.listenerCount()).toBe(0);
  });

  it('unsubscribe when an effect scope is stopped', () => {
    const client = createFakeClient();
    const app = createApp({ render: () => null });
    app.use(ConfabPlugin, { client });
    const scope = effectScope();
    app.runWithContext(() => scope.run(() => useUnreadTotal()));
    expect(client.listenerCount('state')).toBe(1);
    scope.stop();
    expect(client.listenerCount('state')).toBe(0);
  });
});
