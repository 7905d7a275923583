import type { PgMigration } from '../migrations.js';

/**
 * Version 14 moved SQLite's FTS5 indexing off the send path. PostgreSQL keeps its pg_trgm GIN index,
 * whose `fastupdate` pending list already batches inserts, so here the version is only recorded:
 * every backend carries the same versions.
 */
export const SEARCH_OFF_SEND_PATH_MIGRATION: PgMigration = {
  version: 14,
  name: 'search indexed off the send path; mention trigger parses only messages with mentions',
  sql: `SELECT 1`,
};
