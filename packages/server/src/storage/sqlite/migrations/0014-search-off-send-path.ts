import type { Migration } from '../migrations.js';

/**
 * The send path stops paying for search: the FTS5 insert trigger of version 10 goes, and
 * `SearchIndexer` indexes new text in batches a moment after they are committed, tracking how far it
 * got in `message_search_progress` (the messages' rowid, with the id found there to notice a VACUUM
 * that renumbered them). Search also reads the short unindexed tail, so nothing is missed meanwhile.
 * Edits, recalls and deletes keep their triggers (rare, and they must not leave stale text findable).
 * The mention trigger looks for a `"mentions":` key with `instr` before it parses the JSON, so a
 * message without mentions costs a string scan instead of a parse.
 */
export const SEARCH_OFF_SEND_PATH_MIGRATION: Migration = {
  version: 14,
  name: 'search indexed off the send path; mention trigger parses only messages with mentions',
  sql: `
    DROP TRIGGER message_search_insert;

    CREATE TABLE message_search_progress (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      indexed_rowid INTEGER NOT NULL,
      indexed_message_id TEXT
    );
    INSERT INTO message_search_progress (id, indexed_rowid, indexed_message_id)
      SELECT 1, coalesce(max(rowid), 0), (SELECT id FROM messages ORDER BY rowid DESC LIMIT 1) FROM messages;

    -- A new message takes max(rowid) + 1: when the one at the cursor goes, step the cursor back to
    -- the row below it, so a message that takes its rowid again is still past the cursor.
    CREATE TRIGGER message_search_progress_delete AFTER DELETE ON messages
      WHEN old.rowid = (SELECT indexed_rowid FROM message_search_progress) BEGIN
      UPDATE message_search_progress SET
        indexed_rowid = coalesce((SELECT max(rowid) FROM messages WHERE rowid < old.rowid), 0),
        indexed_message_id = (SELECT id FROM messages WHERE rowid < old.rowid ORDER BY rowid DESC LIMIT 1);
    END;

    DROP TRIGGER message_mentions_insert;
    CREATE TRIGGER message_mentions_insert AFTER INSERT ON messages
      WHEN new.type = 'text' AND instr(new.content, '"mentions":') > 0 AND json_extract(new.content, '$.mentions') IS NOT NULL BEGIN
      INSERT OR IGNORE INTO message_mentions (message_id, conversation_id, seq, sender_id, user_id)
        SELECT new.id, new.conversation_id, new.seq, new.sender_id, value FROM json_each(new.content, '$.mentions.userIds');
      INSERT OR IGNORE INTO message_mentions (message_id, conversation_id, seq, sender_id, user_id)
        SELECT new.id, new.conversation_id, new.seq, new.sender_id, '*' WHERE json_extract(new.content, '$.mentions.all') = 1;
    END;
  `,
};
