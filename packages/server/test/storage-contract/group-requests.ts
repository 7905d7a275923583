import { describe, expect, it } from 'vitest';
import type { NewGroupRequest } from '../../src/storage/group-store.js';
import type { Contract } from './context.js';
import { addGroup, addUser, freshId, notice, roles } from './fixtures.js';

function joinRequest(groupId: string, fromId: string, createdAt = 4_000): NewGroupRequest {
  return { id: freshId('gr'), groupId, fromId, note: 'let me in', createdAt };
}

export const groupRequestsContract: Contract = (t) => {
  describe('group join requests', () => {
    it('creates one pending request per user and group', async () => {
      const owner = await addUser(t.store, 'owner');
      const asker = await addUser(t.store, 'asker');
      const { groupId } = await addGroup(t.store, owner, [], { name: 'Club' });
      const input = joinRequest(groupId, asker.id);
      const expected = {
        id: input.id,
        kind: 'group',
        group: { id: groupId, name: 'Club', avatarUrl: null },
        from: asker,
        note: 'let me in',
        status: 'pending',
        decidedBy: null,
        createdAt: 4_000,
        updatedAt: 4_000,
      };
      expect(await t.store.groups.createRequest(input)).toEqual(expected);
      expect(await t.store.groups.getRequest(input.id)).toEqual(expected);
      expect(await t.store.groups.createRequest(joinRequest(groupId, asker.id))).toBeNull();
      expect(await t.store.groups.getRequest('gr_unknown')).toBeNull();
    });

    it('lists requests to the asker and to the group’s owner and admins, newest first, not to members', async () => {
      const owner = await addUser(t.store, 'owner');
      const admin = await addUser(t.store, 'admin');
      const member = await addUser(t.store, 'member');
      const [first, second] = [await addUser(t.store, 'asker'), await addUser(t.store, 'asker')];
      const { groupId } = await addGroup(t.store, owner, [admin, member]);
      await t.store.groups.setRole(groupId, admin.id, 'admin', notice('role_changed', owner));
      const older = joinRequest(groupId, first.id, 1_000);
      const newer = joinRequest(groupId, second.id, 2_000);
      for (const input of [older, newer]) await t.store.groups.createRequest(input);
      expect((await t.store.groups.listRequests(owner.id)).map((request) => request.id)).toEqual([newer.id, older.id]);
      expect((await t.store.groups.listRequests(admin.id)).map((request) => request.id)).toEqual([newer.id, older.id]);
      expect((await t.store.groups.listRequests(first.id)).map((request) => request.id)).toEqual([older.id]);
      expect(await t.store.groups.listRequests(member.id)).toEqual([]);
    });

    it('accepts once: the asker joins with a notice and the decider recorded', async () => {
      const owner = await addUser(t.store, 'owner');
      const asker = await addUser(t.store, 'asker');
      const { groupId } = await addGroup(t.store, owner);
      const input = joinRequest(groupId, asker.id);
      await t.store.groups.createRequest(input);
      const decision = await t.store.groups.decideRequest(input.id, owner.id, 'accepted', 5_000, notice('member_joined', asker, {}, 5_000));
      expect(decision?.request).toMatchObject({ id: input.id, status: 'accepted', decidedBy: owner, updatedAt: 5_000 });
      expect(decision?.notice).toMatchObject({ seq: 2, senderId: asker.id, content: { event: 'member_joined' } });
      expect(await roles(t.store, groupId)).toEqual({ [owner.id]: 'owner', [asker.id]: 'member' });
      expect(await t.store.groups.getConversationView(asker.id, groupId)).toMatchObject({ readSeq: 2, unread: 0 });
      expect(await t.store.groups.decideRequest(input.id, owner.id, 'rejected', 6_000, null)).toBeNull();
      expect(await t.store.groups.decideRequest('gr_unknown', owner.id, 'accepted', 6_000, null)).toBeNull();
    });

    it('rejects or cancels without adding anyone; a new request may follow', async () => {
      const owner = await addUser(t.store, 'owner');
      const asker = await addUser(t.store, 'asker');
      const { groupId } = await addGroup(t.store, owner);
      const rejected = joinRequest(groupId, asker.id);
      await t.store.groups.createRequest(rejected);
      expect(await t.store.groups.decideRequest(rejected.id, owner.id, 'rejected', 5_000, null)).toEqual({
        request: expect.objectContaining({ status: 'rejected', decidedBy: owner }),
        notice: null,
      });
      const cancelled = joinRequest(groupId, asker.id);
      expect(await t.store.groups.createRequest(cancelled)).not.toBeNull();
      expect(await t.store.groups.decideRequest(cancelled.id, null, 'cancelled', 6_000, null)).toEqual({
        request: expect.objectContaining({ status: 'cancelled', decidedBy: null }),
        notice: null,
      });
      expect(await t.store.groups.getRole(groupId, asker.id)).toBeNull();
      expect((await t.store.getConversation(groupId))?.lastSeq).toBe(1);
    });

    it('racing decisions on two nodes decide once', async () => {
      const owner = await addUser(t.store, 'owner');
      const admin = await addUser(t.store, 'admin');
      const asker = await addUser(t.store, 'asker');
      const { groupId } = await addGroup(t.store, owner, [admin]);
      const input = joinRequest(groupId, asker.id);
      await t.store.groups.createRequest(input);
      const peer = await t.db.openPeer();
      const decisions = await Promise.all([
        t.store.groups.decideRequest(input.id, owner.id, 'accepted', 5_000, notice('member_joined', asker)),
        peer.groups.decideRequest(input.id, admin.id, 'accepted', 5_000, notice('member_joined', asker)),
        peer.groups.decideRequest(input.id, admin.id, 'rejected', 5_000, null),
      ]);
      expect(decisions.filter((decision) => decision !== null)).toHaveLength(1);
      const lastSeq = (await t.store.getConversation(groupId))?.lastSeq;
      expect(lastSeq === 1 || lastSeq === 2).toBe(true);
      expect(await t.store.groups.getRole(groupId, asker.id)).toBe(lastSeq === 2 ? 'member' : null);
    });
  });
};
