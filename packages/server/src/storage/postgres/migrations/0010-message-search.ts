import type { PgMigration } from '../migrations.js';

/**
 * Version 10 as in SQLite, in PostgreSQL's terms: a pg_trgm GIN index on the text of text messages and
 * AI replies serves `ILIKE '%query%'` (substrings, CJK included). The index follows every edit and recall
 * by itself, as any index does. pg_trgm is a trusted extension: the database owner may create it.
 */
export const MESSAGE_SEARCH_MIGRATION: PgMigration = {
  version: 10,
  name: 'message search: pg_trgm index of message text',
  sql: `
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX messages_text_trgm ON messages USING gin ((content->>'text') gin_trgm_ops) WHERE type IN ('text', 'ai');
  `,
};
