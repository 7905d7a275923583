import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Avatar from '../Avatar/Avatar.vue';
import ConversationPane from '../ChatApp/ConversationPane.vue';
import ContactList from '../ContactList/ContactList.vue';
import { bob, carol, createFakeClient, directConversation, friendOf, signedInState, wireLikeError } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import PresenceStatus from './PresenceStatus.vue';
import PresenceToggle from './PresenceToggle.vue';

const NOW = Date.parse('2024-03-05T15:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

function clientWith(byUser: Record<string, { online: boolean; lastSeenAt: number | null }>, showPresence = true) {
  const presence = Object.fromEntries(Object.entries(byUser).map(([userId, entry]) => [userId, { userId, ...entry }]));
  return createFakeClient(
    signedInState({
      friends: [friendOf(bob), friendOf(carol)],
      conversations: { list: [directConversation()], unreadTotal: 0, loaded: true },
      presence: { byUser: presence, showPresence },
    }),
  );
}

describe('presence in the Vue components', () => {
  it('Avatar shows the online dot with a text alternative only when online', () => {
    const online = mount(Avatar, { props: { user: bob, online: true } });
    expect(online.get('[data-testid="presence-dot"]').attributes()).toMatchObject({ role: 'img', 'aria-label': 'online' });
    expect(mount(Avatar, { props: { user: bob } }).find('[data-testid="presence-dot"]').exists()).toBe(false);
  });

  it('ContactList puts the dot on online friends and says so in the button name', () => {
    const wrapper = mount(ContactList, { global: withClient(clientWith({ [bob.id]: { online: true, lastSeenAt: null }, [carol.id]: { online: false, lastSeenAt: NOW - 3_600_000 } })) });
    const bobRow = wrapper.get('[data-username="bob"] .confab-contact__open');
    expect(bobRow.attributes('aria-label')).toBe(`Chat with ${bob.displayName} (online)`);
    expect(bobRow.find('[data-testid="presence-dot"]').exists()).toBe(true);
    const carolRow = wrapper.get('[data-username="carol"] .confab-contact__open');
    expect(carolRow.attributes('aria-label')).toBe(`Chat with ${carol.displayName}`);
    expect(carolRow.find('[data-testid="presence-dot"]').exists()).toBe(false);
  });

  it('PresenceStatus says online, last seen (relative within the hour, then calendar), or nothing when hidden or unknown', async () => {
    const client = clientWith({ [bob.id]: { online: true, lastSeenAt: null } });
    const status = mount(PresenceStatus, { props: { userId: bob.id }, global: withClient(client, { timeZone: 'UTC' }) });
    expect(status.text()).toBe('online');
    const set = async (online: boolean, lastSeenAt: number | null) => {
      client.setState({ presence: { byUser: { [bob.id]: { userId: bob.id, online, lastSeenAt } }, showPresence: true } });
      await flushPromises();
      return status.text();
    };
    expect(await set(false, NOW - 20_000)).toBe('last seen just now');
    expect(await set(false, NOW - 5 * 60_000)).toBe('last seen 5 minutes ago');
    expect(await set(false, Date.parse('2024-03-05T09:30:00Z'))).toBe('last seen today at 9:30 AM');
    expect(await set(false, Date.parse('2024-03-04T22:10:00Z'))).toBe('last seen yesterday at 10:10 PM');
    expect(await set(false, Date.parse('2024-02-20T08:00:00Z'))).toBe('last seen Feb 20 at 8:00 AM');
    expect(await set(false, null)).toBe('');
    expect(status.find('[data-testid="presence-status"]').exists()).toBe(false);
    // The clock moves while shown: "just now" becomes "2 minutes ago".
    await set(false, NOW - 30_000);
    vi.advanceTimersByTime(90_000);
    await flushPromises();
    expect(status.text()).toBe('last seen 2 minutes ago');
  });

  it('the 1:1 header shows the dot and the status of the peer', async () => {
    const wrapper = mount(ConversationPane, { props: { conversationId: 'c-bob' }, global: withClient(clientWith({ [bob.id]: { online: true, lastSeenAt: null } })) });
    await flushPromises();
    const header = wrapper.get('[data-testid="conversation-header"]');
    expect(header.find('[data-testid="presence-dot"]').exists()).toBe(true);
    expect(header.get('[data-testid="presence-status"]').text()).toBe('online');
    wrapper.unmount();
  });

  it('PresenceToggle shows the setting and changes it through the client', async () => {
    const client = clientWith({});
    const wrapper = mount(PresenceToggle, { global: withClient(client) });
    const box = wrapper.get<HTMLInputElement>('[data-testid="presence-toggle"]');
    expect(box.element.checked).toBe(true);
    expect(wrapper.text()).toContain('Show when I’m online');
    box.element.checked = false;
    await box.trigger('change');
    await flushPromises();
    expect(client.setShowPresence).toHaveBeenCalledWith(false);
    expect(client.getState().presence.showPresence).toBe(false);
    expect(box.element.checked).toBe(false);
  });

  it('PresenceToggle puts the box back and shows the error when the change fails', async () => {
    const client = clientWith({});
    vi.mocked(client.setShowPresence).mockRejectedValueOnce(wireLikeError('NETWORK', 'Cannot reach the server'));
    const wrapper = mount(PresenceToggle, { global: withClient(client) });
    const box = wrapper.get<HTMLInputElement>('[data-testid="presence-toggle"]');
    box.element.checked = false;
    await box.trigger('change');
    await flushPromises();
    expect(box.element.checked).toBe(true);
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
  });
});
