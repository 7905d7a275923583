import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { GroupJoinRequest, GroupSummary } from '@confab/protocol';
import CreateGroup from './CreateGroup.vue';
import GroupFinder from './GroupFinder.vue';
import GroupPanel from './GroupPanel.vue';
import { memberActions } from './permissions.js';
import MessageList from '../MessageList/MessageList.vue';
import RequestList from '../RequestList/RequestList.vue';
import { alice, bob, carol, createFakeClient, friendOf, groupConversation, projX, signedInState, timeline } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

describe('group permissions in the UI', () => {
  it('offers each viewer only what the server allows', () => {
    expect(memberActions('owner', 'member', false)).toEqual(['promote', 'transfer', 'remove']);
    expect(memberActions('owner', 'admin', false)).toEqual(['demote', 'transfer', 'remove']);
    expect(memberActions('admin', 'member', false)).toEqual(['remove']);
    expect(memberActions('admin', 'admin', false)).toEqual([]);
    expect(memberActions('member', 'member', false)).toEqual([]);
    expect(memberActions('owner', 'owner', true)).toEqual([]);
    expect(memberActions(null, 'member', false)).toEqual([]);
  });

  it('lists members with roles and the actions of an owner; an admin sees only Remove on members', async () => {
    const client = createFakeClient(signedInState({ friends: [friendOf(bob), friendOf(carol)] }));
    const wrapper = mount(GroupPanel, { props: { conversation: groupConversation() }, global: withClient(client) });
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="group-member"]');
    expect(rows.map((row) => [row.attributes('data-username'), row.attributes('data-role')])).toEqual([['alice', 'owner'], ['bob', 'admin'], ['carol', 'member']]);
    expect(rows[2]!.findAll('button').map((button) => button.text())).toEqual(['Make admin', 'Make owner', 'Remove']);
    await rows[2]!.get('[data-testid="member-remove"]').trigger('click');
    await flushPromises();
    expect(client.removeGroupMember).toHaveBeenCalledWith(projX.id, carol.id);
    expect(wrapper.get('[data-testid="group-leave"]').text()).toBe('Dissolve group');

    const asAdmin = mount(GroupPanel, { props: { conversation: groupConversation({ group: { ...projX, myRole: 'admin' } }) }, global: withClient(client) });
    await flushPromises();
    const adminRows = asAdmin.findAll('[data-testid="group-member"]');
    expect(adminRows.map((row) => row.findAll('button').map((button) => button.text()))).toEqual([[], [], ['Remove']]);
    expect(asAdmin.get('[data-testid="group-leave"]').text()).toBe('Leave group');
  });

  it('asks before dissolving and before making someone owner', async () => {
    const client = createFakeClient(signedInState({ friends: [friendOf(bob), friendOf(carol)] }));
    const wrapper = mount(GroupPanel, { props: { conversation: groupConversation() }, global: withClient(client) });
    await flushPromises();
    await wrapper.get('[data-testid="group-leave"]').trigger('click');
    expect(client.dissolveGroup).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('Dissolve for everyone? The whole history is deleted.');
    await wrapper.get('[data-testid="group-leave-cancel"]').trigger('click');
    expect(wrapper.find('[data-testid="group-leave-confirm"]').exists()).toBe(false);
    await wrapper.get('[data-testid="group-leave"]').trigger('click');
    await wrapper.get('[data-testid="group-leave-confirm"]').trigger('click');
    await flushPromises();
    expect(client.dissolveGroup).toHaveBeenCalledWith(projX.id);

    const carolRow = () => wrapper.findAll('[data-testid="group-member"]')[2]!;
    await carolRow().get('[data-testid="member-transfer"]').trigger('click');
    expect(client.transferGroupOwner).not.toHaveBeenCalled();
    expect(carolRow().get('[data-testid="member-transfer"]').text()).toBe('Confirm: make owner');
    await carolRow().get('[data-testid="member-transfer"]').trigger('click');
    await flushPromises();
    expect(client.transferGroupOwner).toHaveBeenCalledWith(projX.id, carol.id);
  });

  it('saves only what changed, and its form follows a rename made by another admin', async () => {
    const client = createFakeClient(signedInState({ friends: [friendOf(bob), friendOf(carol)] }));
    const wrapper = mount(GroupPanel, { props: { conversation: groupConversation() }, global: withClient(client) });
    await flushPromises();
    await wrapper.setProps({ conversation: groupConversation({ group: { ...projX, name: 'renamed elsewhere' } }) });
    expect((wrapper.get('[data-testid="group-settings-name"]').element as HTMLInputElement).value).toBe('renamed elsewhere');
    await wrapper.get('input[aria-label="Description"]').setValue('new description');
    await wrapper.get('[data-testid="group-settings"]').trigger('submit');
    await flushPromises();
    expect(client.updateGroup).toHaveBeenCalledWith(projX.id, { description: 'new description' });
  });

  it('says "1 member", not "1 members"', async () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(GroupPanel, { props: { conversation: groupConversation({ group: { ...projX, memberCount: 1 } }) }, global: withClient(client) });
    await flushPromises();
    expect(wrapper.get('.confab-group-panel__title').text()).toBe('1 member');
  });

  it('creates a group with picked friends, never offering the assistant', async () => {
    const assistant = { id: 'u_assistant', username: 'assistant', displayName: 'Assistant', avatarUrl: null };
    const client = createFakeClient(signedInState({ friends: [friendOf(bob), friendOf(assistant)] }));
    const wrapper = mount(CreateGroup, { global: withClient(client) });
    expect(wrapper.find('[data-testid="pick-assistant"]').exists()).toBe(false);
    await wrapper.get('[data-testid="group-name-input"]').setValue('  proj-x ');
    await wrapper.get('[data-testid="pick-bob"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(client.createGroup).toHaveBeenCalledWith({ name: 'proj-x', description: '', joinPolicy: 'approval', memberIds: [bob.id] });
    expect(wrapper.emitted('created')?.[0]?.[0]).toMatchObject({ name: 'proj-x' });
  });

  it('finds groups by name and asks to join with a note', async () => {
    const client = createFakeClient(signedInState());
    const found: GroupSummary = { ...projX, myRole: null };
    client.searchGroups = (async () => [found]) as typeof client.searchGroups;
    const wrapper = mount(GroupFinder, { global: withClient(client) });
    await wrapper.get('[data-testid="group-search-input"]').setValue('proj');
    await flushPromises();
    await wrapper.get('[data-testid="group-join-note"]').setValue('I work on Q3');
    await wrapper.get('[data-testid="group-join"]').trigger('click');
    await flushPromises();
    expect(client.requestToJoin).toHaveBeenCalledWith(projX.id, 'I work on Q3');
    expect(wrapper.get('[data-testid="group-asked"]').text()).toBe('Request sent');
  });
});

describe('groups in shared views', () => {
  it('shows system notices in the timeline as text', () => {
    const notice = { id: 'n1', conversationId: projX.id, seq: 2, senderId: carol.id, clientMsgId: 'system:n1', createdAt: 1, type: 'system' as const, content: { event: 'member_joined' as const, actorId: carol.id, actorName: 'Carol' } };
    const client = createFakeClient(signedInState({ conversations: { list: [groupConversation()], unreadTotal: 0, loaded: true }, messages: { [projX.id]: timeline([{ message: notice, state: 'sent' }]) } }));
    const wrapper = mount(MessageList, { props: { conversationId: projX.id }, global: withClient(client) });
    expect(wrapper.get('[data-testid="system-notice"]').text()).toBe('Carol joined');
    expect(wrapper.find('[data-testid="message-item"]').exists()).toBe(false);
  });

  it('lists join requests with friend requests: an admin answers, the asker sees their own', () => {
    const join = (id: string, from = carol): GroupJoinRequest => ({ id, kind: 'group', group: { id: projX.id, name: 'proj-x', avatarUrl: null }, from, note: 'let me in', status: 'pending', decidedBy: null, createdAt: 2, updatedAt: 2 });
    const client = createFakeClient(signedInState({ requests: [join('r-in'), join('r-out', alice)] }));
    const wrapper = mount(RequestList, { global: withClient(client) });
    const items = wrapper.findAll('[data-testid="request-item"]');
    expect(items.map((item) => [item.attributes('data-kind'), item.attributes('data-direction')])).toEqual([['group', 'incoming'], ['group', 'outgoing']]);
    expect(items[0]!.text()).toContain('wants to join proj-x');
    expect(items[0]!.findAll('button').map((button) => button.text())).toEqual(['Accept', 'Reject']);
    expect(items[1]!.text()).toContain('you asked to join');
  });
});

describe('sender names in a group', () => {
  it('names others\' messages, never our own', () => {
    const fromBob = { message: { id: 'm1', conversationId: projX.id, seq: 2, senderId: bob.id, clientMsgId: 'a', createdAt: 1, type: 'text' as const, content: { text: 'hi both' } }, state: 'sent' as const };
    const fromMe = { message: { ...fromBob.message, id: 'm2', seq: 3, senderId: alice.id, clientMsgId: 'b', content: { text: 'hello' } }, state: 'sent' as const };
    const client = createFakeClient(signedInState({ conversations: { list: [groupConversation()], unreadTotal: 0, loaded: true }, messages: { [projX.id]: timeline([fromBob, fromMe]) } }));
    const wrapper = mount(MessageList, { props: { conversationId: projX.id, senderNames: { [bob.id]: 'Bob Stone', [alice.id]: 'Alice' } }, global: withClient(client) });
    expect(wrapper.findAll('[data-testid="message-sender"]').map((node) => node.text())).toEqual(['Bob Stone']);
  });
});
