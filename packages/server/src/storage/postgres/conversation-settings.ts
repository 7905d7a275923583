import { DEFAULT_CONVERSATION_SETTINGS } from '@confab/protocol';
import type { Pool } from 'pg';
import type { ConversationSettingsStore } from '../conversation-settings-store.js';
import { SETTINGS_SQL, settingsFromRow, upsertParams, type SettingsRow } from '../settings-sql.js';
import { named } from './sql.js';

/** The conversation settings part of the PostgreSQL store: each method one statement. */
export function conversationSettingsMethods(pool: Pool): ConversationSettingsStore {
  return {
    async get(userId, conversationId) {
      const { rows } = await pool.query<SettingsRow>(named(SETTINGS_SQL.get, { userId, conversationId }));
      return rows[0] ? settingsFromRow(rows[0]) : { ...DEFAULT_CONVERSATION_SETTINGS };
    },

    async update(userId, conversationId, change, now) {
      const { rows } = await pool.query<SettingsRow>(named(SETTINGS_SQL.upsert, upsertParams(userId, conversationId, change, now, (value) => value)));
      return settingsFromRow(rows[0] as SettingsRow);
    },

    async listFor(userId) {
      const { rows } = await pool.query<SettingsRow>(named(SETTINGS_SQL.listFor, { userId }));
      return new Map(rows.map((row) => [row.conversation_id, settingsFromRow(row)]));
    },
  };
}
