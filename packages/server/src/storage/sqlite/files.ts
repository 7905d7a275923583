import type { Database, Statement } from 'better-sqlite3';
import type { FileRecord } from '../store.js';

export interface FileRow {
  id: string;
  uploader_id: string;
  name: string;
  size: number;
  mime_type: string;
  width: number | null;
  height: number | null;
  sha256: string;
  created_at: number;
}

export function fileFromRow(row: FileRow): FileRecord {
  const record: FileRecord = {
    id: row.id,
    name: row.name,
    size: row.size,
    mimeType: row.mime_type,
    sha256: row.sha256,
    uploaderId: row.uploader_id,
    createdAt: row.created_at,
  };
  if (row.width !== null && row.height !== null) {
    record.width = row.width;
    record.height = row.height;
  }
  return record;
}

/** The file records part of the SQLite store. @internal */
export class SqliteFileRecords {
  private readonly insert: Statement;
  private readonly byId: Statement;
  private readonly shared: Statement;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO files (id, uploader_id, name, size, mime_type, width, height, sha256, created_at)
      VALUES (@id, @uploaderId, @name, @size, @mimeType, @width, @height, @sha256, @createdAt)`);
    this.byId = db.prepare('SELECT * FROM files WHERE id = ?');
    // Matches the partial expression index messages_by_file.
    this.shared = db.prepare(`SELECT 1 FROM messages m
      JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = ?
      WHERE json_extract(m.content, '$.file.id') = ? AND m.type IN ('image', 'file') LIMIT 1`);
  }

  create(file: FileRecord): void {
    this.insert.run({ ...file, width: file.width ?? null, height: file.height ?? null });
  }

  get(id: string): FileRecord | null {
    const row = this.byId.get(id) as FileRow | undefined;
    return row ? fileFromRow(row) : null;
  }

  isSharedWith(fileId: string, userId: string): boolean {
    return this.shared.get(userId, fileId) !== undefined;
  }
}
