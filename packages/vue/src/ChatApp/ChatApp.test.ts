import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinia } from 'pinia';
import { nextTick, ref, type Plugin } from 'vue';
import { ConfabPlugin } from '../plugin.js';
import ChatApp from './ChatApp.vue';
import ConversationPane from './ConversationPane.vue';
import {
  alice,
  bob,
  carol,
  createFakeClient,
  directConversation,
  friendOf,
  friendRequest,
  signedInState,
  textMessage,
  timeline,
} from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ChatApp', () => {
  it('shows the auth form when nobody is signed in, then the app after login', async () => {
    const client = createFakeClient();
    const wrapper = mount(ChatApp, { global: withClient(client) });
    await flushPromises();
    expect(client.resume).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="auth-username"]').exists()).toBe(true);

    client.setState(signedInState());
    await nextTick();
    expect(wrapper.find('[data-testid="auth-username"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="me-name"]').text()).toBe(alice.displayName);
  });

  it('does not resume when autoResume is false', async () => {
    const client = createFakeClient();
    mount(ChatApp, { props: { autoResume: false }, global: withClient(client) });
    await flushPromises();
    expect(client.resume).not.toHaveBeenCalled();
  });

  it('shows the unread total on Chats and pending incoming requests on Requests', async () => {
    const client = createFakeClient(
      signedInState({
        conversations: { list: [directConversation({ unread: 4 })], unreadTotal: 4, loaded: true },
        requests: [friendRequest({ from: carol, to: alice }), friendRequest({ id: 'r-2', from: alice, to: bob })],
      }),
    );
    const wrapper = mount(ChatApp, { global: withClient(client) });
    expect(wrapper.get('[data-testid="tab-chats"] [data-testid="unread-total"]').text()).toBe('4');
    expect(wrapper.get('[data-testid="requests-count"]').text()).toBe('1');

    client.setState({ conversations: { list: [directConversation()], unreadTotal: 0, loaded: true }, requests: [] });
    await nextTick();
    expect(wrapper.find('[data-testid="unread-total"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="requests-count"]').exists()).toBe(false);
  });

  it('opens a conversation, marks it read, and marks new arrivals read while it is shown', async () => {
    const messages = timeline([{ message: textMessage({ seq: 1 }), state: 'sent' }]);
    const client = createFakeClient(
      signedInState({
        conversations: { list: [directConversation({ unread: 1, lastSeq: 1 })], unreadTotal: 1, loaded: true },
        messages: { 'c-bob': messages },
      }),
    );
    const wrapper = mount(ChatApp, { global: withClient(client) });
    await wrapper.get('[data-testid="conversation-item"] button').trigger('click');
    await flushPromises();
    expect(client.openConversation).toHaveBeenCalledWith('c-bob');
    expect(client.markRead).toHaveBeenCalledWith('c-bob');
    expect(wrapper.get('[data-testid="conversation-header"]').text()).toContain('Bob Stone');
    expect(wrapper.find('[data-testid="back-button"]').exists()).toBe(false);

    client.setState({
      conversations: { list: [directConversation({ unread: 1, lastSeq: 2, readSeq: 1 })], unreadTotal: 1, loaded: true },
      messages: { 'c-bob': timeline([...messages.items, { message: textMessage({ seq: 2 }), state: 'sent' }]) },
    });
    await flushPromises();
    expect(client.markRead).toHaveBeenCalledTimes(2);
  });

  it('does not mark read while the document is hidden, and does when it shows again', async () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const client = createFakeClient(
      signedInState({
        conversations: { list: [directConversation({ unread: 1, lastSeq: 1 })], unreadTotal: 1, loaded: true },
        messages: { 'c-bob': timeline([{ message: textMessage({ seq: 1 }), state: 'sent' }]) },
      }),
    );
    const wrapper = mount(ConversationPane, { props: { conversationId: 'c-bob' }, global: withClient(client) });
    await flushPromises();
    expect(client.markRead).not.toHaveBeenCalled();
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(client.markRead).toHaveBeenCalledWith('c-bob');
    wrapper.unmount();
  });

  it('does not mark read while the plugin says the chat is hidden (embed popup closed), and does when shown', async () => {
    const shown = ref(false);
    const client = createFakeClient(
      signedInState({
        conversations: { list: [directConversation({ unread: 1, lastSeq: 1 })], unreadTotal: 1, loaded: true },
        messages: { 'c-bob': timeline([{ message: textMessage({ seq: 1 }), state: 'sent' }]) },
      }),
    );
    const wrapper = mount(ConversationPane, {
      props: { conversationId: 'c-bob' },
      global: { plugins: [createPinia(), [ConfabPlugin as Plugin, { client, isVisible: shown }]] },
    });
    await flushPromises();
    expect(document.visibilityState).toBe('visible');
    expect(client.markRead).not.toHaveBeenCalled();
    shown.value = true;
    await flushPromises();
    expect(client.markRead).toHaveBeenCalledTimes(1);
    expect(client.markRead).toHaveBeenCalledWith('c-bob');
    wrapper.unmount();
  });

  it('opens the direct conversation from Contacts', async () => {
    const client = createFakeClient(signedInState({ friends: [friendOf(bob)] }));
    const wrapper = mount(ChatApp, { global: withClient(client) });
    await wrapper.get('[data-testid="tab-contacts"]').trigger('click');
    expect(wrapper.find('[data-testid="user-search-input"]').exists()).toBe(true);
    await wrapper.get('[data-testid="contact-item"] button').trigger('click');
    await flushPromises();
    expect(client.openConversation).toHaveBeenCalledWith('c-bob');
    expect(wrapper.get('[data-testid="tab-chats"]').attributes('aria-selected')).toBe('true');
  });

  it('shows requests on the Requests tab', async () => {
    const client = createFakeClient(signedInState({ requests: [friendRequest()] }));
    const wrapper = mount(ChatApp, { global: withClient(client) });
    await wrapper.get('[data-testid="tab-requests"]').trigger('click');
    expect(wrapper.findAll('[data-testid="request-item"]')).toHaveLength(1);
  });

  it('logs out and returns to the auth form', async () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(ChatApp, { global: withClient(client) });
    await wrapper.get('[data-testid="logout"]').trigger('click');
    expect(client.logout).toHaveBeenCalled();
    await nextTick();
    expect(wrapper.find('[data-testid="auth-username"]').exists()).toBe(true);
  });

  it('unsubscribes everything on unmount', async () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(ChatApp, { global: withClient(client) });
    await wrapper.get('[data-testid="conversation-item"] button').trigger('click');
    await flushPromises();
    expect(client.listenerCount()).toBeGreaterThan(0);
    wrapper.unmount();
    // The pinia store outlives the component; it does not subscribe to the client.
    expect(client.listenerCount()).toBe(0);
  });

  it('shows one pane at a time with a Back button on a phone', async () => {
    vi.spyOn(window, 'matchMedia').mockReturnValue({
      matches: true,
      addEventListener: () => {},
      removeEventListener: () => {},
    } as unknown as MediaQueryList);
    const client = createFakeClient(signedInState());
    const wrapper = mount(ChatApp, { global: withClient(client), attachTo: document.body });
    await nextTick();
    expect(wrapper.classes()).toContain('confab-app--narrow');
    expect(wrapper.find('.confab-app__main').exists()).toBe(false);
    await wrapper.get('[data-testid="conversation-item"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('.confab-app__sidebar').isVisible()).toBe(false);
    await wrapper.get('[data-testid="back-button"]').trigger('click');
    expect(wrapper.find('[data-testid="conversation-header"]').exists()).toBe(false);
    expect(wrapper.get('.confab-app__sidebar').isVisible()).toBe(true);
    // Escape inside the conversation goes back too.
    await wrapper.get('[data-testid="conversation-item"] button').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="composer-input"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="conversation-header"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('sets lang, dir and data-theme on its root from the plugin', () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(ChatApp, { global: withClient(client, { locale: 'ar', theme: 'dark' }) });
    expect([wrapper.attributes('lang'), wrapper.attributes('dir'), wrapper.attributes('data-theme')]).toEqual(['ar', 'rtl', 'dark']);
    expect(wrapper.get('[data-testid="tab-chats"]').text()).toContain('المحادثات');
    wrapper.unmount();
  });
});
