import type { PgMigration } from '../migrations.js';

/**
 * Version 10 as in SQLite, in PostgreSQL's terms: a pg_trgm GIN index on the text of text messages and
 * AI replies serves `ILIKE '%query%'` (substrings, CJK included). The index follows every edit and recall
 * by itself, as any index does. pg_trgm is a trusted extension: the database owner may create it.
 * An installation whose role may not create it can have an administrator run `CREATE EXTENSION pg_trgm` once.
 */
export const MESSAGE_SEARCH_MIGRATION: PgMigration = {
  version: 10,
  name: 'message search: a trigram index of message text',
  sql: `
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    -- The operator class is named with the extension's schema: the extension is once per database, and may
    -- live in another schema than the one this migration runs in (one schema per tenant, or per test).
    DO $$
    DECLARE trgm_schema TEXT;
    BEGIN
      SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
      EXECUTE format('CREATE INDEX messages_text_trgm ON messages USING gin ((content->>''text'') %I.gin_trgm_ops) WHERE type IN (''text'', ''ai'')', trgm_schema);
    END $$;
  `,
};
