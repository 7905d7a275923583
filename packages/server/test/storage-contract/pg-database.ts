import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database made for one test run; `drop()` removes it (closing what is still connected). */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** `CONFAB_TEST_DATABASE_URL`: a PostgreSQL server the tests may create and drop databases on, or null. */
export function testDatabaseUrl(): string | null {
  const url = process.env.CONFAB_TEST_DATABASE_URL;
  return url === undefined || url === '' ? null : url;
}

/** `url` with its database (and optionally its query) replaced. */
export function withDatabase(url: string, database: string, query: Record<string, string> = {}): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  for (const [key, value] of Object.entries(query)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/** Runs one statement on the server's maintenance connection (the URL's own database). */
async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `confab_test_<random>` on the server of `adminUrl`. */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `confab_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
