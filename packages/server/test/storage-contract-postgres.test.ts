import { describe, it } from 'vitest';
import { postgresBackend } from './storage-contract/backends.js';
import { describeStore } from './storage-contract/describe-store.js';
import { testDatabaseUrl } from './storage-contract/pg-database.js';

const url = testDatabaseUrl();
if (url) {
  describeStore(postgresBackend(url));
} else {
  describe('storage contract on PostgreSQL', () => {
    it.skip('needs CONFAB_TEST_DATABASE_URL (scripts/services.sh starts a server and prints it)', () => undefined);
  });
}
