import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, withDatabase } from '../../packages/server/test/storage-contract/pg-database.js';
import { runCli } from './server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'confab-cli-db-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const base = ['--port', '0', '--data-dir', dataDir, '--jwt-secret', 'cli-database-test-secret-0123456789'];

/** Exit 1 with exactly one line on stderr/stdout, naming the URL without its password, and no stack. */
async function expectOneLine(databaseUrl: string, expected: string): Promise<string> {
  const { code, output } = await runCli([...base, '--database-url', databaseUrl]);
  expect(code).toBe(1);
  const lines = output.trim().split('\n').filter((line) => !line.startsWith('confab-server: warning:'));
  expect(lines).toEqual([expect.stringContaining(expected)]);
  expect(output).not.toMatch(/\n\s+at |hunter2/);
  return lines[0] as string;
}

describe('confab-server with a database it cannot open', () => {
  it('a refused port: one line naming the URL with every password masked, exit 1', async () => {
    const line = await expectOneLine('postgres://app:hunter2@127.0.0.1:1/app?password=hunter2', 'ECONNREFUSED 127.0.0.1:1; is PostgreSQL running');
    expect(line).toBe('confab-server: Could not open the database PostgreSQL at postgres://app:***@127.0.0.1:1/app?password=***: connect ECONNREFUSED 127.0.0.1:1; is PostgreSQL running and listening on that host and port?');
  });

  it('a SQLite file that cannot be created: one line naming the file, exit 1', async () => {
    const notAFolder = join(dataDir, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const { code, output } = await runCli([...base, '--db', join(notAFolder, 'confab.db')]);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([`confab-server: Could not open the database SQLite at ${notAFolder}/confab.db: EEXIST: file already exists, mkdir '${notAFolder}'`]);
  });

  it('an empty CONFAB_DATABASE_URL is a bad value: exit 2 naming the variable', async () => {
    const { code, output } = await runCli(base, { CONFAB_DATABASE_URL: '' });
    expect(code).toBe(2);
    expect(output.trim()).toBe('confab-server: CONFAB_DATABASE_URL is set but empty: give it a value, or unset it for the default.');
  });

  const adminUrl = testDatabaseUrl();
  describe.skipIf(adminUrl === null)('on the test PostgreSQL server', () => {
    const server = new URL(adminUrl ?? 'postgres://x@localhost/x');
    it('a wrong password', async () => {
      const wrong = new URL(server);
      wrong.password = 'hunter2';
      await expectOneLine(wrong.toString(), `password authentication failed for user "${server.username}"; check the user and password`);
    });

    it('a database that does not exist', async () => {
      await expectOneLine(withDatabase(server.toString(), 'confab_no_such_db'), 'database "confab_no_such_db" does not exist; create the database first');
    });

    it('a search_path schema that does not exist', async () => {
      await expectOneLine(`${server.toString()}?options=-c%20search_path%3Dconfab_no_such_schema`, 'no schema has been selected to create in; create the schema named in search_path first');
    });
  });
});
