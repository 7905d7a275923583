import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations.js';

export interface OpenedDatabase {
  db: Database;
  /** Migration versions applied by this open (empty when the schema was current). */
  migrationsApplied: number[];
}

/** Opens (creating if needed) a SQLite file in WAL mode with foreign keys on, and migrates it. */
export function openDatabase(file: string): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const migrationsApplied = migrate(db);
  return { db, migrationsApplied };
}
