import type { Pool } from 'pg';
import { fileFromRow, type FileRow } from '../sqlite/files.js';
import type { Store } from '../store.js';

export type FileMethods = Pick<Store, 'createFile' | 'getFile' | 'isFileSharedWith'>;

/** Uploaded files' records, and who may read them (members of a conversation whose message carries the file). */
export function fileMethods(pool: Pool): FileMethods {
  return {
    async createFile(file) {
      await pool.query(
        `INSERT INTO files (id, uploader_id, name, size, mime_type, width, height, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [file.id, file.uploaderId, file.name, file.size, file.mimeType, file.width ?? null, file.height ?? null, file.sha256, file.createdAt],
      );
    },

    async getFile(id) {
      const { rows } = await pool.query<FileRow>('SELECT * FROM files WHERE id = $1', [id]);
      return rows[0] ? fileFromRow(rows[0]) : null;
    },

    async isFileSharedWith(fileId, userId) {
      // Matches the partial expression index messages_by_file.
      const { rowCount } = await pool.query(
        `SELECT 1 FROM messages m
         JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = $1
         WHERE m.content -> 'file' ->> 'id' = $2 AND m.type IN ('image', 'file') LIMIT 1`,
        [userId, fileId],
      );
      return rowCount !== 0;
    },
  };
}
