import { MENTIONS_TABLE_SQL } from '../../mention-sql.js';
import type { Migration } from '../migrations.js';

/**
 * Mentions: one row per (message, mentioned user), `*` for `@all`, with the message's place and sender,
 * so each member's unread mentions are one indexed query over their read cursors. Triggers keep it in
 * step with the messages: a text stored with `content.mentions` adds its rows, a recall (any change of
 * type) removes them, a deleted message takes them along (foreign key). No service has to remember to.
 */
export const MENTIONS_MIGRATION: Migration = {
  version: 12,
  name: 'mentions: who each text message mentions, for unread mention counts',
  sql: `
    ${MENTIONS_TABLE_SQL}

    CREATE TRIGGER message_mentions_insert AFTER INSERT ON messages
      WHEN new.type = 'text' AND json_extract(new.content, '$.mentions') IS NOT NULL BEGIN
      INSERT OR IGNORE INTO message_mentions (message_id, conversation_id, seq, sender_id, user_id)
        SELECT new.id, new.conversation_id, new.seq, new.sender_id, value FROM json_each(new.content, '$.mentions.userIds');
      INSERT OR IGNORE INTO message_mentions (message_id, conversation_id, seq, sender_id, user_id)
        SELECT new.id, new.conversation_id, new.seq, new.sender_id, '*' WHERE json_extract(new.content, '$.mentions.all') = 1;
    END;

    CREATE TRIGGER message_mentions_recall AFTER UPDATE OF type ON messages WHEN new.type <> 'text' BEGIN
      DELETE FROM message_mentions WHERE message_id = new.id;
    END;
  `,
};
