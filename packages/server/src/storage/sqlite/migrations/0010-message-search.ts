import type { Migration } from '../migrations.js';

/**
 * Message search: an FTS5 index of the text of text messages and AI replies, with the trigram tokenizer
 * (substring matches, CJK included). Each indexed message gets a stable integer key in `message_search_keys`
 * (a message's own rowid may change on VACUUM); triggers keep the index in step with every insert, edit,
 * recall and delete, so no service has to remember to.
 */
export const MESSAGE_SEARCH_MIGRATION: Migration = {
  version: 10,
  name: 'message search: a trigram index of message text',
  sql: `
    CREATE TABLE message_search_keys (
      key INTEGER PRIMARY KEY,
      message_id TEXT NOT NULL UNIQUE
    );
    CREATE VIRTUAL TABLE message_search USING fts5(body, tokenize = 'trigram');

    INSERT INTO message_search_keys (message_id) SELECT id FROM messages WHERE type IN ('text', 'ai') ORDER BY rowid;
    INSERT INTO message_search (rowid, body)
      SELECT k.key, json_extract(m.content, '$.text') FROM message_search_keys k JOIN messages m ON m.id = k.message_id;

    CREATE TRIGGER message_search_insert AFTER INSERT ON messages WHEN new.type IN ('text', 'ai') BEGIN
      INSERT INTO message_search_keys (message_id) VALUES (new.id);
      INSERT INTO message_search (rowid, body) VALUES (last_insert_rowid(), json_extract(new.content, '$.text'));
    END;

    CREATE TRIGGER message_search_update AFTER UPDATE OF type, content ON messages BEGIN
      DELETE FROM message_search WHERE rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
      DELETE FROM message_search_keys WHERE message_id = old.id;
      INSERT INTO message_search_keys (message_id) SELECT new.id WHERE new.type IN ('text', 'ai');
      INSERT INTO message_search (rowid, body)
        SELECT key, json_extract(new.content, '$.text') FROM message_search_keys WHERE message_id = new.id;
    END;

    CREATE TRIGGER message_search_delete AFTER DELETE ON messages BEGIN
      DELETE FROM message_search WHERE rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
      DELETE FROM message_search_keys WHERE message_id = old.id;
    END;
  `,
};
