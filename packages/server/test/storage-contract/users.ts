import { ASSISTANT_USER_ID } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import type { Contract } from './context.js';
import { addUser, freshId } from './fixtures.js';

export const usersContract: Contract = (t) => {
  describe('users', () => {
    it('stores a user and finds it by id and by username in any case', async () => {
      expect(await t.store.createUser({ id: 'u_ann', username: 'Ann', displayName: 'Ann Lee', passwordHash: 'h1', createdAt: 1_700_000_000_123 })).toBe(true);
      expect(await t.store.getUser('u_ann')).toEqual({ id: 'u_ann', username: 'Ann', displayName: 'Ann Lee', avatarUrl: null });
      const record = { id: 'u_ann', username: 'Ann', displayName: 'Ann Lee', avatarUrl: null, passwordHash: 'h1', createdAt: 1_700_000_000_123 };
      expect(await t.store.findUserByUsername('ann')).toEqual(record);
      expect(await t.store.findUserByUsername('ANN')).toEqual(record);
    });

    it('refuses a username taken in another case and writes nothing', async () => {
      await t.store.createUser({ id: 'u_1', username: 'alice', displayName: 'A', passwordHash: 'h', createdAt: 1 });
      expect(await t.store.createUser({ id: 'u_2', username: 'ALICE', displayName: 'B', passwordHash: 'h', createdAt: 2 })).toBe(false);
      expect(await t.store.getUser('u_2')).toBeNull();
      expect((await t.store.findUserByUsername('Alice'))?.id).toBe('u_1');
    });

    it('answers null for an unknown id or username', async () => {
      expect(await t.store.getUser('u_nobody')).toBeNull();
      expect(await t.store.findUserByUsername('nobody')).toBeNull();
    });

    it('has the assistant user from the migrations', async () => {
      expect(await t.store.getUser(ASSISTANT_USER_ID)).toEqual({ id: ASSISTANT_USER_ID, username: 'assistant', displayName: 'Assistant', avatarUrl: null });
    });

    it('searches usernames and display names case-insensitively, prefix matches first, without the caller', async () => {
      const annabel = await addUser(t.store, 'annabel');
      const bob = await addUser(t.store, 'bob', 'Anna Smith');
      const joanna = await addUser(t.store, 'joanna');
      await addUser(t.store, 'zed');
      const me = await addUser(t.store, 'annie');
      expect((await t.store.searchUsers('ANN', me.id, 10)).map((user) => user.id)).toEqual([annabel.id, bob.id, joanna.id]);
      expect((await t.store.searchUsers('ann', me.id, 2)).map((user) => user.id)).toEqual([annabel.id, bob.id]);
      expect((await t.store.searchUsers('ann', annabel.id, 10)).map((user) => user.id)).toEqual([me.id, bob.id, joanna.id]);
      expect(await t.store.searchUsers('qqq', me.id, 10)).toEqual([]);
    });

    it('searches % and _ literally', async () => {
      const underscore = await addUser(t.store, 'under_score');
      await addUser(t.store, 'underXscore');
      const percent = await addUser(t.store, 'fifty%off');
      const me = await addUser(t.store, 'me');
      expect((await t.store.searchUsers('r_s', me.id, 10)).map((user) => user.id)).toEqual([underscore.id]);
      expect((await t.store.searchUsers('%', me.id, 10)).map((user) => user.id)).toEqual([percent.id]);
    });

    it('maps a host identity to one user, updating its name and avatar on each sign-in', async () => {
      const input = { appId: 'shop', subject: 'cust-1', newUser: { id: 'u_ext1', username: 'shop-cust-1', createdAt: 5 }, displayName: 'Cust', avatarUrl: null };
      expect(await t.store.upsertExternalUser(input)).toEqual({ id: 'u_ext1', username: 'shop-cust-1', displayName: 'Cust', avatarUrl: null });
      const again = await t.store.upsertExternalUser({ ...input, newUser: { id: 'u_other', username: 'other', createdAt: 6 }, displayName: 'Customer', avatarUrl: 'https://img/a.png' });
      expect(again).toEqual({ id: 'u_ext1', username: 'shop-cust-1', displayName: 'Customer', avatarUrl: 'https://img/a.png' });
      expect(await t.store.getUser('u_other')).toBeNull();
      const otherApp = await t.store.upsertExternalUser({ ...input, appId: 'blog', newUser: { id: 'u_ext2', username: 'blog-cust-1', createdAt: 7 } });
      expect(otherApp?.id).toBe('u_ext2');
    });

    it('answers null for a host identity whose new username is taken, and maps nothing', async () => {
      const taken = await addUser(t.store, 'taken');
      const input = { appId: 'shop', subject: 's', newUser: { id: 'u_new', username: taken.username.toUpperCase(), createdAt: 5 }, displayName: 'S', avatarUrl: null };
      expect(await t.store.upsertExternalUser(input)).toBeNull();
      expect(await t.store.getUser('u_new')).toBeNull();
      const retried = await t.store.upsertExternalUser({ ...input, newUser: { id: 'u_new2', username: 'shop-s', createdAt: 5 } });
      expect(retried?.id).toBe('u_new2');
    });

    it('maps one identity once when two nodes sign it in at once', async () => {
      const peer = await t.db.openPeer();
      const input = (id: string) => ({ appId: 'shop', subject: 'same', newUser: { id, username: id, createdAt: 5 }, displayName: 'Same', avatarUrl: null });
      const [first, second] = await Promise.all([t.store.upsertExternalUser(input('u_race1')), peer.upsertExternalUser(input('u_race2'))]);
      expect(first?.id).toBeDefined();
      expect(second?.id).toBe(first?.id);
    });

    it('updates a profile', async () => {
      const user = await addUser(t.store, 'pat');
      await t.store.updateUserProfile(user.id, { displayName: 'Patricia', avatarUrl: 'https://img/p.png' });
      expect(await t.store.getUser(user.id)).toEqual({ ...user, displayName: 'Patricia', avatarUrl: 'https://img/p.png' });
      await t.store.updateUserProfile(freshId('u'), { displayName: 'Nobody', avatarUrl: null });
    });
  });
};
