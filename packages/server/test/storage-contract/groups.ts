import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addGroup, addUser, notice, roles, send } from './fixtures.js';

export const groupsContract: Contract = (t) => {
  describe('groups', () => {
    it('creates a group with its owner, members and the created notice, all with it read', async () => {
      const owner = await addUser(t.store, 'owner');
      const [m1, m2] = [await addUser(t.store, 'm'), await addUser(t.store, 'm')];
      const outsider = await addUser(t.store, 'outsider');
      const { groupId, created } = await addGroup(t.store, owner, [m1, m2], { name: 'Proj X', createdAt: 3_000 });
      expect(created).toEqual({
        id: created.id,
        conversationId: groupId,
        seq: 1,
        senderId: owner.id,
        clientMsgId: `system:${created.id}`,
        type: 'system',
        content: { event: 'created', actorId: owner.id, actorName: 'Owner', name: 'Proj X' },
        createdAt: 3_000,
      });
      expect(await t.store.getMessage(created.id)).toEqual(created);
      expect(await t.store.groups.getGroup(groupId)).toEqual({ id: groupId, name: 'Proj X', description: 'a group', avatarUrl: null, joinPolicy: 'approval', ownerId: owner.id });
      expect(await t.store.groups.getGroupSummary(groupId, m1.id)).toEqual({
        id: groupId,
        name: 'Proj X',
        avatarUrl: null,
        description: 'a group',
        memberCount: 3,
        myRole: 'member',
        joinPolicy: 'approval',
      });
      expect((await t.store.groups.getGroupSummary(groupId, outsider.id))?.myRole).toBeNull();
      expect(await t.store.groups.getGroupSummary('g_unknown', owner.id)).toBeNull();
      expect(await t.store.groups.getGroup('g_unknown')).toBeNull();
      expect(await t.store.groups.listReads(groupId)).toEqual([owner, m1, m2].map((user) => ({ userId: user.id, readSeq: 1 })).sort((a, b) => (a.userId < b.userId ? -1 : 1)));
      expect(await t.store.getConversation(groupId)).toEqual({ id: groupId, kind: 'group', lastSeq: 1, memberIds: [owner.id, m1.id, m2.id].sort() });
      expect(await t.store.groups.listGroupIds(m2.id)).toEqual([groupId]);
      expect(await t.store.groups.listGroupIds(outsider.id)).toEqual([]);
    });

    it('shows the group conversation to a member, and to no one else', async () => {
      const owner = await addUser(t.store, 'owner');
      const member = await addUser(t.store, 'member');
      const outsider = await addUser(t.store, 'outsider');
      const { groupId } = await addGroup(t.store, owner, [member], { name: 'Team' });
      const last = await send(t.store, groupId, owner.id, 'hello team', { createdAt: 70_000 });
      expect(await t.store.groups.getConversationView(member.id, groupId)).toEqual({
        id: groupId,
        kind: 'group',
        group: { id: groupId, name: 'Team', avatarUrl: null, description: 'a group', memberCount: 2, myRole: 'member', joinPolicy: 'approval' },
        lastMessage: last,
        lastSeq: 2,
        readSeq: 1,
        unread: 1,
        pinned: false,
        muted: false,
        activeAt: 70_000,
      });
      expect(await t.store.groups.getConversationView(outsider.id, groupId)).toBeNull();
      expect(await t.store.getConversationView(member.id, groupId)).toBeNull();
    });

    it('lists a member’s groups by latest activity', async () => {
      const me = await addUser(t.store, 'me');
      const older = await addGroup(t.store, me, [], { createdAt: 1_000 });
      const newer = await addGroup(t.store, me, [], { createdAt: 2_000 });
      expect((await t.store.groups.listConversationViews(me.id)).map((view) => view.id)).toEqual([newer.groupId, older.groupId]);
      await send(t.store, older.groupId, me.id, 'bump', { createdAt: 9_000 });
      expect((await t.store.groups.listConversationViews(me.id)).map((view) => view.id)).toEqual([older.groupId, newer.groupId]);
    });

    it('searches group names case-insensitively, prefix first, % and _ literally', async () => {
      const me = await addUser(t.store, 'me');
      const alpha = await addGroup(t.store, me, [], { name: 'Alpha team' });
      const beta = await addGroup(t.store, me, [], { name: 'beta ALPHA' });
      const under = await addGroup(t.store, me, [], { name: 'a_b' });
      await addGroup(t.store, me, [], { name: 'axb' });
      expect((await t.store.groups.searchGroups('alpha', me.id, 10)).map((group) => group.id)).toEqual([alpha.groupId, beta.groupId]);
      expect((await t.store.groups.searchGroups('ALPHA', me.id, 1)).map((group) => group.id)).toEqual([alpha.groupId]);
      expect((await t.store.groups.searchGroups('a_b', me.id, 10)).map((group) => group.id)).toEqual([under.groupId]);
      expect((await t.store.groups.searchGroups('alpha', me.id, 10))[0]?.myRole).toBe('owner');
    });

    it('updates only the given fields, with a notice when given one', async () => {
      const owner = await addUser(t.store, 'owner');
      const { groupId } = await addGroup(t.store, owner, [], { name: 'Old' });
      const renamed = await t.store.groups.updateGroup(groupId, { name: 'New', avatarUrl: 'https://img/g.png' }, notice('renamed', owner, { name: 'New' }));
      expect(renamed).toMatchObject({ seq: 2, type: 'system', content: { event: 'renamed', name: 'New' } });
      expect(await t.store.groups.getGroup(groupId)).toMatchObject({ name: 'New', description: 'a group', avatarUrl: 'https://img/g.png', joinPolicy: 'approval' });
      expect(await t.store.groups.updateGroup(groupId, { joinPolicy: 'open', description: '' }, null)).toBeNull();
      expect(await t.store.groups.getGroup(groupId)).toMatchObject({ name: 'New', description: '', avatarUrl: 'https://img/g.png', joinPolicy: 'open' });
      await t.store.groups.updateGroup(groupId, { avatarUrl: null }, null);
      expect((await t.store.groups.getGroup(groupId))?.avatarUrl).toBeNull();
      expect((await t.store.getConversation(groupId))?.lastSeq).toBe(2);
    });

    it('adds a member once, who starts with everything so far read', async () => {
      const owner = await addUser(t.store, 'owner');
      const newcomer = await addUser(t.store, 'newcomer');
      const { groupId } = await addGroup(t.store, owner);
      await send(t.store, groupId, owner.id, 'before you came');
      const added = await t.store.groups.addMember(groupId, newcomer.id, 'member', notice('member_added', owner, { targetId: newcomer.id }));
      expect(added).toMatchObject({ seq: 3, senderId: owner.id, content: { event: 'member_added', targetId: newcomer.id } });
      expect(await t.store.groups.getConversationView(newcomer.id, groupId)).toMatchObject({ lastSeq: 3, readSeq: 3, unread: 0 });
      expect(await t.store.groups.addMember(groupId, newcomer.id, 'admin', notice('member_added', owner))).toBeNull();
      expect(await t.store.groups.getRole(groupId, newcomer.id)).toBe('member');
      expect((await t.store.getConversation(groupId))?.lastSeq).toBe(3);
      expect((await t.store.groups.listMembers(groupId)).map((member) => [member.user.id, member.role])).toEqual([[owner.id, 'owner'], [newcomer.id, 'member']]);
    });

    it('lists members owner first, then admins, then members by when they joined', async () => {
      const owner = await addUser(t.store, 'owner');
      const early = await addUser(t.store, 'early');
      const late = await addUser(t.store, 'late');
      const admin = await addUser(t.store, 'admin');
      const { groupId } = await addGroup(t.store, owner, [early], { createdAt: 1_000 });
      await t.store.groups.addMember(groupId, late.id, 'member', notice('member_added', owner, {}, 5_000));
      await t.store.groups.addMember(groupId, admin.id, 'admin', notice('member_added', owner, {}, 6_000));
      const members = await t.store.groups.listMembers(groupId);
      expect(members.map((member) => [member.user, member.role, member.joinedAt])).toEqual([
        [owner, 'owner', 1_000],
        [admin, 'admin', 6_000],
        [early, 'member', 1_000],
        [late, 'member', 5_000],
      ]);
    });

    it('removes a member once, with a notice; the removed one no longer sees the group', async () => {
      const owner = await addUser(t.store, 'owner');
      const member = await addUser(t.store, 'member');
      const { groupId } = await addGroup(t.store, owner, [member]);
      expect(await t.store.groups.removeMember(groupId, member.id, notice('member_removed', owner, { targetId: member.id }))).toMatchObject({ seq: 2 });
      expect(await t.store.groups.getRole(groupId, member.id)).toBeNull();
      expect(await t.store.groups.getConversationView(member.id, groupId)).toBeNull();
      expect(await t.store.groups.listGroupIds(member.id)).toEqual([]);
      expect(await t.store.groups.removeMember(groupId, member.id, notice('member_removed', owner))).toBeNull();
      expect((await t.store.getConversation(groupId))?.lastSeq).toBe(2);
    });

    it('changes roles between admin and member only', async () => {
      const owner = await addUser(t.store, 'owner');
      const member = await addUser(t.store, 'member');
      const outsider = await addUser(t.store, 'outsider');
      const { groupId } = await addGroup(t.store, owner, [member]);
      expect(await t.store.groups.setRole(groupId, member.id, 'admin', notice('role_changed', owner, { role: 'admin' }))).toMatchObject({ seq: 2 });
      expect(await t.store.groups.getRole(groupId, member.id)).toBe('admin');
      expect(await t.store.groups.setRole(groupId, owner.id, 'member', notice('role_changed', owner))).toBeNull();
      expect(await t.store.groups.setRole(groupId, outsider.id, 'admin', notice('role_changed', owner))).toBeNull();
      expect(await roles(t.store, groupId)).toEqual({ [owner.id]: 'owner', [member.id]: 'admin' });
      expect((await t.store.getConversation(groupId))?.lastSeq).toBe(2);
    });

    it('transfers ownership to a member, and changes nothing when it cannot', async () => {
      const owner = await addUser(t.store, 'owner');
      const member = await addUser(t.store, 'member');
      const outsider = await addUser(t.store, 'outsider');
      const { groupId } = await addGroup(t.store, owner, [member]);
      expect(await t.store.groups.transferOwner(groupId, owner.id, outsider.id, notice('owner_transferred', owner))).toBeNull();
      expect(await t.store.groups.transferOwner(groupId, member.id, owner.id, notice('owner_transferred', member))).toBeNull();
      expect(await t.store.groups.transferOwner(groupId, owner.id, owner.id, notice('owner_transferred', owner))).toBeNull();
      expect(await roles(t.store, groupId)).toEqual({ [owner.id]: 'owner', [member.id]: 'member' });
      expect((await t.store.getConversation(groupId))?.lastSeq).toBe(1);
      expect(await t.store.groups.transferOwner(groupId, owner.id, member.id, notice('owner_transferred', owner, { targetId: member.id }))).toMatchObject({ seq: 2 });
      expect(await roles(t.store, groupId)).toEqual({ [owner.id]: 'admin', [member.id]: 'owner' });
      expect((await t.store.groups.getGroup(groupId))?.ownerId).toBe(member.id);
    });

    it('dissolves a group with its messages and requests, returning who were members', async () => {
      const owner = await addUser(t.store, 'owner');
      const member = await addUser(t.store, 'member');
      const asker = await addUser(t.store, 'asker');
      const { groupId, created } = await addGroup(t.store, owner, [member]);
      await t.store.groups.createRequest({ id: 'gr_1', groupId, fromId: asker.id, note: '', createdAt: 1 });
      expect((await t.store.groups.dissolveGroup(groupId)).sort()).toEqual([owner.id, member.id].sort());
      expect(await t.store.groups.getGroup(groupId)).toBeNull();
      expect(await t.store.getConversation(groupId)).toBeNull();
      expect(await t.store.getMessage(created.id)).toBeNull();
      expect(await t.store.groups.getRequest('gr_1')).toBeNull();
      expect(await t.store.groups.listGroupIds(member.id)).toEqual([]);
      expect(await t.store.groups.dissolveGroup(groupId)).toEqual([]);
    });
  });
};
