import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import Composer from '../Composer/Composer.vue';
import MessageBubble from '../MessageBubble/MessageBubble.vue';
import UnreadIndicator from '../ConversationSettings/UnreadIndicator.vue';
import { alice, bob, carol, createFakeClient, groupConversation, projX, signedInState, textMessage } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import { mentionParts, mentionTokens } from './mentionParts.js';

function composer(myRole: 'owner' | 'admin' | 'member' = 'owner', conversationId = projX.id) {
  const client = createFakeClient(signedInState({ conversations: { list: [groupConversation({ group: { ...projX, myRole } })], unreadTotal: 0, loaded: true } }));
  const wrapper = mount(Composer, { props: { conversationId }, global: withClient(client), attachTo: document.body });
  const input = wrapper.get('[data-testid="composer-input"]');
  /** Types `value` with the caret at its end. */
  const type = async (value: string) => {
    await input.setValue(value);
    (input.element as HTMLTextAreaElement).setSelectionRange(value.length, value.length);
    await input.trigger('input');
    await flushPromises();
  };
  const options = () => wrapper.findAll('[data-testid="mention-option"]').map((option) => option.attributes('data-user-id'));
  return { client, wrapper, input, type, options };
}

describe('mention autocomplete in the Composer', () => {
  it('opens on @ in a group with the other members and @all for an owner, filtered by what follows, with listbox ARIA', async () => {
    const { wrapper, input, type, options } = composer();
    await type('hi @');
    expect(options()).toEqual(['*', bob.id, carol.id]);
    const list = wrapper.get('[data-testid="mention-list"]');
    expect(list.attributes('role')).toBe('listbox');
    expect(input.attributes('aria-autocomplete')).toBe('list');
    expect(input.attributes('aria-controls')).toBe(list.attributes('id'));
    expect(input.attributes('aria-activedescendant')).toBe(`${list.attributes('id')}-0`);
    expect(wrapper.findAll('[role="option"]').map((option) => option.attributes('aria-selected'))).toEqual(['true', 'false', 'false']);
    await type('hi @bo');
    expect(options()).toEqual([bob.id]);
    await type('hi @zzz');
    expect(wrapper.find('[data-testid="mention-list"]').exists()).toBe(false);
    expect(input.attributes('aria-controls')).toBeUndefined();
    wrapper.unmount();
  });

  it('offers no @all to a plain member, and opens nothing in a direct conversation', async () => {
    const member = composer('member');
    await member.type('@');
    expect(member.options()).toEqual([bob.id, carol.id]);
    member.wrapper.unmount();
    const direct = composer('owner', 'c-bob');
    await direct.type('@b');
    expect(direct.wrapper.find('[data-testid="mention-list"]').exists()).toBe(false);
    expect(direct.input.attributes('aria-autocomplete')).toBeUndefined();
    direct.wrapper.unmount();
  });

  it('moves with the arrow keys, chooses with Enter (without sending) and Tab, and sends the ids with the text', async () => {
    const { client, wrapper, input, type, options } = composer();
    await type('@');
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowUp' });
    expect(wrapper.findAll('[role="option"]')[1]?.attributes('aria-selected')).toBe('true');
    await input.trigger('keydown', { key: 'Enter' });
    expect((input.element as HTMLTextAreaElement).value).toBe(`@${bob.displayName} `);
    expect(client.sendText).not.toHaveBeenCalled();
    await type(`@${bob.displayName} and @car`);
    expect(options()).toEqual([carol.id]);
    await input.trigger('keydown', { key: 'Tab' });
    expect((input.element as HTMLTextAreaElement).value).toBe(`@${bob.displayName} and @Carol `);
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(client.sendText).toHaveBeenCalledWith(projX.id, `@${bob.displayName} and @Carol`, { mentions: { userIds: [bob.id, carol.id] } });
    wrapper.unmount();
  });

  it('chooses on click, closes on Escape, and drops a mention whose @Name was deleted from the text', async () => {
    const { client, wrapper, input, type } = composer();
    await type('@');
    await wrapper.findAll('[data-testid="mention-option"]')[0]!.trigger('click');
    expect((input.element as HTMLTextAreaElement).value).toBe('@all ');
    await type('@all @');
    await input.trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="mention-list"]').exists()).toBe(false);
    await type('@all @c');
    // Still the dismissed token: Escape keeps it closed until a new @.
    expect(wrapper.find('[data-testid="mention-list"]').exists()).toBe(false);
    await type('meeting at 5');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(client.sendText).toHaveBeenCalledWith(projX.id, 'meeting at 5');
    wrapper.unmount();
  });
});

describe('mentions in a bubble and the list', () => {
  it('marks each mention as text, the reader’s own more, and never renders HTML', () => {
    const names = { [alice.id]: alice.displayName, [bob.id]: '<b>Bob</b>' };
    const message = textMessage({ seq: 4, senderId: carol.id, conversationId: projX.id, text: 'hey @<b>Bob</b> and @Alice Liddell, @all' });
    if (message.type === 'text') message.content.mentions = { userIds: [alice.id, bob.id], all: true };
    const wrapper = mount(MessageBubble, { props: { item: { state: 'sent', message }, mine: false, meId: alice.id, names }, global: withClient(createFakeClient(signedInState())) });
    const marks = wrapper.findAll('[data-testid="message-mention"]');
    expect(marks.map((mark) => [mark.text(), mark.attributes('data-me')])).toEqual([['@<b>Bob</b>', 'false'], ['@Alice Liddell', 'true'], ['@all', 'true']]);
    expect(marks[1]!.attributes('title')).toBe('Mentions you');
    expect(wrapper.find('b').exists()).toBe(false);
  });

  it('splits text at the longest token first and leaves unknown names alone', () => {
    const tokens = mentionTokens({ userIds: ['u1', 'u2', 'u3'] }, { u1: 'Ann', u2: 'Ann Lee' }, 'u1');
    expect(mentionParts('@Ann Lee, @Ann!', tokens)).toEqual([
      { kind: 'mention', text: '@Ann Lee', me: false },
      { kind: 'text', text: ', ' },
      { kind: 'mention', text: '@Ann', me: true },
      { kind: 'text', text: '!' },
    ]);
    expect(mentionParts('plain', [])).toEqual([{ kind: 'text', text: 'plain' }]);
  });

  it('shows the @ badge beside the muted dot', () => {
    const wrapper = mount(UnreadIndicator, { props: { conversation: { unread: 3, muted: true, pinned: false, markedUnread: false, mentionSeqs: [7, 9] } } });
    expect(wrapper.get('[data-testid="conversation-mention"]').attributes('aria-label')).toBe('You were mentioned 2 times');
    expect(wrapper.find('[data-testid="conversation-unread-dot"]').exists()).toBe(true);
    expect(mount(UnreadIndicator, { props: { conversation: { unread: 3, muted: false, pinned: false } } }).find('[data-testid="conversation-mention"]').exists()).toBe(false);
  });
});
