import type { PgMigration } from '../migrations.js';

export const FILES_MIGRATION: PgMigration = {
  version: 2,
  name: 'files: uploaded file records, and messages found by the file they carry',
  sql: `
    CREATE TABLE files (
      id TEXT PRIMARY KEY,
      uploader_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      size BIGINT NOT NULL,
      mime_type TEXT NOT NULL,
      width INTEGER,
      height INTEGER,
      sha256 TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX files_by_uploader ON files(uploader_id);
    CREATE INDEX messages_by_file ON messages ((content -> 'file' ->> 'id')) WHERE type IN ('image', 'file');
  `,
};
