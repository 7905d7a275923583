import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations.js';
import type { Contract } from './context.js';

const VERSIONS = MIGRATIONS.map((migration) => migration.version);

export const lifecycleContract: Contract = (t) => {
  describe('schema and connection', () => {
    it('applies every schema version (the same versions on every backend) once', async () => {
      expect(t.db.migrationsApplied).toEqual(VERSIONS);
      expect(await t.db.migrateAgain()).toEqual([]);
      expect(await t.db.recordedVersions()).toEqual(VERSIONS);
    });

    it('answers ping while open, fails after close, and closes twice safely', async () => {
      await expect(t.store.ping()).resolves.toBeUndefined();
      const peer = await t.db.openPeer();
      await peer.close();
      await expect(peer.ping()).rejects.toThrow();
      await expect(peer.close()).resolves.toBeUndefined();
    });
  });
};
