import { describe, expect, it } from 'vitest';
import type { FileRecord } from '../../src/storage/store.js';
import type { Contract } from './context.js';
import { addFriends, addUser, textMessage } from './fixtures.js';

export const filesContract: Contract = (t) => {
  describe('files', () => {
    it('stores file records with and without image size', async () => {
      const alice = await addUser(t.store, 'alice');
      const image: FileRecord = { id: 'f_img', name: 'cat.png', size: 3_000_000_000, mimeType: 'image/png', width: 800, height: 600, sha256: 'a'.repeat(64), uploaderId: alice.id, createdAt: 1_700_000_000_000 };
      const doc: FileRecord = { id: 'f_doc', name: 'notes.txt', size: 12, mimeType: 'text/plain', sha256: 'b'.repeat(64), uploaderId: alice.id, createdAt: 5 };
      await t.store.createFile(image);
      await t.store.createFile(doc);
      expect(await t.store.getFile('f_img')).toEqual(image);
      expect(await t.store.getFile('f_doc')).toEqual(doc);
      expect(await t.store.getFile('f_none')).toBeNull();
    });

    it('shares a file with the members of a conversation whose message carries it, and no one else', async () => {
      const alice = await addUser(t.store, 'alice');
      const bob = await addUser(t.store, 'bob');
      const carol = await addUser(t.store, 'carol');
      const conversationId = await addFriends(t.store, alice, bob);
      const file = { id: 'f_1', name: 'a.pdf', size: 10, mimeType: 'application/pdf', sha256: 'c'.repeat(64) };
      await t.store.createFile({ ...file, uploaderId: alice.id, createdAt: 1 });
      expect(await t.store.isFileSharedWith('f_1', bob.id)).toBe(false);
      await t.store.appendMessage(textMessage(conversationId, alice.id, 'f_1'));
      expect(await t.store.isFileSharedWith('f_1', bob.id)).toBe(false);
      await t.store.appendMessage({ ...textMessage(conversationId, alice.id, ''), type: 'file', content: { file } });
      expect(await t.store.isFileSharedWith('f_1', bob.id)).toBe(true);
      expect(await t.store.isFileSharedWith('f_1', alice.id)).toBe(true);
      expect(await t.store.isFileSharedWith('f_1', carol.id)).toBe(false);
      expect(await t.store.isFileSharedWith('f_2', bob.id)).toBe(false);
    });
  });
};
