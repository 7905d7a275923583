import { DEFAULT_CONVERSATION_SETTINGS, type ConversationSettings } from '@confab/protocol';
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationSettingsChange, ConversationSettingsStore } from '../conversation-settings-store.js';
import { SETTINGS_SQL, settingsFromRow, upsertParams, type SettingsRow } from '../settings-sql.js';

/** The conversation settings part of the SQLite store. @internal */
export class SqliteConversationSettings implements ConversationSettingsStore {
  private readonly sql: Record<keyof typeof SETTINGS_SQL, Statement>;

  constructor(db: Database) {
    this.sql = Object.fromEntries(Object.entries(SETTINGS_SQL).map(([name, text]) => [name, db.prepare(text)])) as Record<keyof typeof SETTINGS_SQL, Statement>;
  }

  async get(userId: string, conversationId: string): Promise<ConversationSettings> {
    const row = this.sql.get.get({ userId, conversationId }) as SettingsRow | undefined;
    return row ? settingsFromRow(row) : { ...DEFAULT_CONVERSATION_SETTINGS };
  }

  async update(userId: string, conversationId: string, change: ConversationSettingsChange, now: number): Promise<ConversationSettings> {
    return settingsFromRow(this.sql.upsert.get(upsertParams(userId, conversationId, change, now, (value) => (value ? 1 : 0))) as SettingsRow);
  }

  async listFor(userId: string): Promise<Map<string, ConversationSettings>> {
    const rows = this.sql.listFor.all({ userId }) as SettingsRow[];
    return new Map(rows.map((row) => [row.conversation_id, settingsFromRow(row)]));
  }
}
