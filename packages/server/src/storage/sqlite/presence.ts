import type { Database, Statement } from 'better-sqlite3';
import { PRESENCE_SQL, friendPresenceFromRow, presenceFromRow, type PresenceRow } from '../presence-sql.js';
import type { FriendPresenceRecord, PresenceRecord, PresenceStore } from '../presence-store.js';

/** The presence part of the SQLite store. @internal */
export class SqlitePresence implements PresenceStore {
  private readonly sql: Record<keyof typeof PRESENCE_SQL, Statement>;

  constructor(db: Database) {
    this.sql = Object.fromEntries(Object.entries(PRESENCE_SQL).map(([name, text]) => [name, db.prepare(text)])) as Record<keyof typeof PRESENCE_SQL, Statement>;
  }

  async get(userId: string): Promise<PresenceRecord> {
    return presenceFromRow(this.sql.get.get({ userId }) as PresenceRow | undefined);
  }

  async listFriends(userId: string): Promise<FriendPresenceRecord[]> {
    return (this.sql.listFriends.all({ userId }) as PresenceRow[]).map(friendPresenceFromRow);
  }

  async setShowPresence(userId: string, showPresence: boolean, now: number): Promise<PresenceRecord> {
    return presenceFromRow(this.sql.setShow.get({ userId, show: showPresence ? 1 : 0, now }) as PresenceRow);
  }

  async setLastSeen(userId: string, at: number): Promise<void> {
    this.sql.setLastSeen.run({ userId, at });
  }
}
