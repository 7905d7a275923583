import type { ConversationSettings } from '@confab/protocol';
import type { ConversationSettingsChange } from './conversation-settings-store.js';

/**
 * The SQL of the conversation settings, the same text for SQLite and PostgreSQL (`@name` parameters;
 * PostgreSQL's go through `named`). A field given as null keeps its stored value; `setHidden` says
 * whether `hiddenSeq` (which may be null: shown again) is to be written.
 * @internal
 */
export const SETTINGS_SQL = {
  upsert: `INSERT INTO conversation_settings (user_id, conversation_id, pinned, muted, marked_unread, hidden_seq, updated_at)
    VALUES (@userId, @conversationId, COALESCE(CAST(@pinned AS BOOLEAN), false), COALESCE(CAST(@muted AS BOOLEAN), false),
      COALESCE(CAST(@markedUnread AS BOOLEAN), false), CAST(@hiddenSeq AS BIGINT), @now)
    ON CONFLICT (user_id, conversation_id) DO UPDATE SET
      pinned = COALESCE(CAST(@pinned AS BOOLEAN), conversation_settings.pinned),
      muted = COALESCE(CAST(@muted AS BOOLEAN), conversation_settings.muted),
      marked_unread = COALESCE(CAST(@markedUnread AS BOOLEAN), conversation_settings.marked_unread),
      hidden_seq = CASE WHEN CAST(@setHidden AS BOOLEAN) THEN CAST(@hiddenSeq AS BIGINT) ELSE conversation_settings.hidden_seq END,
      updated_at = @now
    RETURNING conversation_id, pinned, muted, marked_unread, hidden_seq`,
  get: 'SELECT conversation_id, pinned, muted, marked_unread, hidden_seq FROM conversation_settings WHERE user_id = @userId AND conversation_id = @conversationId',
  listFor: 'SELECT conversation_id, pinned, muted, marked_unread, hidden_seq FROM conversation_settings WHERE user_id = @userId',
} as const;

/** A settings row of either backend (SQLite gives 0/1, PostgreSQL booleans). @internal */
export interface SettingsRow {
  conversation_id: string;
  pinned: boolean | number;
  muted: boolean | number;
  marked_unread: boolean | number;
  hidden_seq: number | null;
}

/** @internal */
export function settingsFromRow(row: SettingsRow): ConversationSettings {
  return { pinned: Boolean(row.pinned), muted: Boolean(row.muted), markedUnread: Boolean(row.marked_unread), hiddenSeq: row.hidden_seq };
}

/**
 * The parameters of `upsert` for a change; `bool` turns a boolean into the backend's value (SQLite: 0/1).
 * @internal
 */
export function upsertParams(userId: string, conversationId: string, change: ConversationSettingsChange, now: number, bool: (value: boolean) => unknown) {
  const flag = (value: boolean | undefined) => (value === undefined ? null : bool(value));
  return {
    userId,
    conversationId,
    pinned: flag(change.pinned),
    muted: flag(change.muted),
    markedUnread: flag(change.markedUnread),
    hiddenSeq: change.hiddenSeq ?? null,
    setHidden: bool(change.hiddenSeq !== undefined),
    now,
  };
}
