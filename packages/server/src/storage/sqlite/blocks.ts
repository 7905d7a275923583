import type { BlockedUser } from '@confab/protocol';
import type { Database, Statement } from 'better-sqlite3';
import { BLOCK_SQL, blockedUserFromRow, visibleTailsFromRows, type BlockedUserRow, type VisibleTailRow } from '../block-sql.js';
import type { BlocksBetween, BlockStore, VisibleTail } from '../block-store.js';

type Statements = Record<keyof typeof BLOCK_SQL, Statement>;

/** The blocks part of the SQLite store. @internal */
export class SqliteBlocks implements BlockStore {
  private readonly sql: Statements;

  constructor(db: Database) {
    const texts = { ...BLOCK_SQL, visibleTails: BLOCK_SQL.visibleTails('c.id IN (SELECT value FROM json_each(@ids))') };
    this.sql = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, db.prepare(text)])) as Statements;
  }

  async block(userId: string, blockedId: string, now: number): Promise<BlockedUser | null> {
    this.sql.insert.run({ userId, blockedId, now });
    const row = this.sql.get.get({ userId, blockedId }) as BlockedUserRow | undefined;
    return row ? blockedUserFromRow(row) : null;
  }

  async unblock(userId: string, blockedId: string): Promise<boolean> {
    return this.sql.delete.run({ userId, blockedId }).changes === 1;
  }

  async list(userId: string): Promise<BlockedUser[]> {
    return (this.sql.list.all({ userId }) as BlockedUserRow[]).map(blockedUserFromRow);
  }

  async blockedEither(userId: string): Promise<string[]> {
    return (this.sql.either.all({ userId }) as { id: string }[]).map((row) => row.id);
  }

  async between(userId: string, otherId: string): Promise<BlocksBetween> {
    const row = this.sql.between.get({ userId, otherId }) as { blocks: number; blocked_by: number };
    return { blocks: row.blocks === 1, blockedBy: row.blocked_by === 1 };
  }

  async visibleTails(userId: string, conversationIds: readonly string[]): Promise<Map<string, VisibleTail>> {
    if (conversationIds.length === 0) return new Map();
    return visibleTailsFromRows(this.sql.visibleTails.all({ userId, ids: JSON.stringify(conversationIds) }) as VisibleTailRow[]);
  }

  async keptFrom(messageId: string): Promise<string[]> {
    return (this.sql.keptFrom.all({ messageId }) as { user_id: string }[]).map((row) => row.user_id);
  }
}
