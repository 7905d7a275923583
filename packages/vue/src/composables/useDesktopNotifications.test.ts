import { flushPromises, mount } from '@vue/test-utils';
import ChatApp from '../ChatApp/ChatApp.vue';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { bob, createFakeClient, signedInState, textMessage } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import { useDesktopNotifications, type DesktopNotificationOptions, type NotificationApi, type ShownNotification } from './useDesktopNotifications.js';

function fakeNotifications(permission: 'default' | 'granted' | 'denied') {
  const shown: { title: string; body: string; tag: string; notification: ShownNotification }[] = [];
  class FakeNotification implements ShownNotification {
    static permission = permission;
    static requestPermission = vi.fn(async () => {
      FakeNotification.permission = 'granted';
      return 'granted' as const;
    });
    onclick: ((event: unknown) => void) | null = null;
    close = vi.fn();
    constructor(title: string, options: { body: string; tag: string }) {
      shown.push({ title, ...options, notification: this });
    }
  }
  return { api: FakeNotification as unknown as NotificationApi & { requestPermission: ReturnType<typeof vi.fn> }, shown };
}

function setup(options: Omit<DesktopNotificationOptions, 'open'> & { hidden?: boolean }) {
  const client = createFakeClient(signedInState());
  const open = vi.fn();
  const focus = vi.fn();
  let api: ReturnType<typeof useDesktopNotifications> | undefined;
  const Host = defineComponent({
    setup() {
      api = useDesktopNotifications({ open, focus, isHidden: () => options.hidden ?? true, ...options });
      return () => h('div');
    },
  });
  const wrapper = mount(Host, { global: withClient(client) });
  return { client, open, focus, wrapper, api: api! };
}

const incoming = textMessage({ seq: 9, senderId: bob.id, text: 'see <b>you</b> at 6' });

describe('useDesktopNotifications', () => {
  it('notifies a message from someone else while the tab is hidden: sender, plain preview, a click opens the conversation', () => {
    const { api, shown } = fakeNotifications('granted');
    const { client, open, focus } = setup({ notifications: api });
    client.emit('message', incoming);
    expect(shown.map(({ title, body, tag }) => ({ title, body, tag }))).toEqual([{ title: 'Bob Stone', body: 'see <b>you</b> at 6', tag: 'c-bob' }]);
    shown[0]!.notification.onclick?.({});
    expect(focus).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('c-bob');
    expect(shown[0]!.notification.close).toHaveBeenCalled();
  });

  it('stays silent while the tab is visible, for a muted conversation, and without permission', () => {
    for (const [permission, hidden, muted] of [['granted', false, false], ['granted', true, true], ['denied', true, false], ['default', true, false]] as const) {
      const { api, shown } = fakeNotifications(permission);
      const { client } = setup({ notifications: api, hidden, isMuted: (id) => muted && id === 'c-bob' });
      client.emit('message', incoming);
      expect(shown).toEqual([]);
    }
  });

  it('notifies a mention of the user even in a muted conversation, and nothing else of it', () => {
    const { api, shown } = fakeNotifications('granted');
    const { client } = setup({ notifications: api, isMuted: () => true });
    const mention = (mentions: { userIds: string[]; all?: boolean }, seq: number) => {
      const message = textMessage({ seq, senderId: bob.id, text: '@Alice look' });
      if (message.type === 'text') message.content.mentions = mentions;
      return message;
    };
    client.emit('message', incoming);
    client.emit('message', mention({ userIds: ['u-carol'] }, 10));
    expect(shown).toEqual([]);
    client.emit('message', mention({ userIds: ['u-alice'] }, 11));
    client.emit('message', mention({ userIds: [], all: true }, 12));
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'Bob Stone', body: '@Alice look' }, { title: 'Bob Stone', body: '@Alice look' }]);
  });

  it('asks for permission only when called (from a click), and stops listening when its scope ends', async () => {
    const { api, shown } = fakeNotifications('default');
    const { client, api: notifications, wrapper } = setup({ notifications: api });
    expect(notifications.permission.value).toBe('default');
    expect(api.requestPermission).not.toHaveBeenCalled();
    expect(await notifications.requestPermission()).toBe('granted');
    expect(notifications.permission.value).toBe('granted');
    wrapper.unmount();
    client.emit('message', incoming);
    expect(shown).toEqual([]);
  });

  it('says unsupported where there is no Notification API', () => {
    const { api } = setup({ notifications: undefined });
    expect(api.permission.value).toBe(typeof globalThis.Notification === 'function' ? globalThis.Notification.permission : 'unsupported');
  });
});

describe('desktop notifications in ChatApp', () => {
  it('asks for permission from the bell button, then a notification of a hidden tab opens its conversation', async () => {
    const { api, shown } = fakeNotifications('default');
    vi.stubGlobal('Notification', api);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    try {
      const client = createFakeClient(signedInState());
      const wrapper = mount(ChatApp, { props: { autoResume: false }, global: withClient(client) });
      await wrapper.get('[data-testid="enable-notifications"]').trigger('click');
      await flushPromises();
      expect(api.requestPermission).toHaveBeenCalledTimes(1);
      expect(wrapper.find('[data-testid="enable-notifications"]').exists()).toBe(false);
      client.emit('message', incoming);
      expect(shown.map((entry) => entry.title)).toEqual(['Bob Stone']);
      shown[0]!.notification.onclick?.({});
      await flushPromises();
      expect(wrapper.find('[data-testid="composer-input"]').exists()).toBe(true);
      wrapper.unmount();
    } finally {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(document, 'hidden');
    }
  });
});

describe('desktop notifications of a muted conversation', () => {
  it('shows none for a conversation the person muted (on any device)', async () => {
    const { api, shown } = fakeNotifications('granted');
    vi.stubGlobal('Notification', api);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    try {
      const state = signedInState();
      const client = createFakeClient({ ...state, conversations: { ...state.conversations, list: state.conversations.list.map((conversation) => ({ ...conversation, muted: true })) } });
      const wrapper = mount(ChatApp, { props: { autoResume: false }, global: withClient(client) });
      client.emit('message', incoming);
      expect(shown).toEqual([]);
      client.setState({ conversations: { ...state.conversations } });
      client.emit('message', incoming);
      expect(shown.map((entry) => entry.title)).toEqual(['Bob Stone']);
      wrapper.unmount();
    } finally {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(document, 'hidden');
    }
  });
});
