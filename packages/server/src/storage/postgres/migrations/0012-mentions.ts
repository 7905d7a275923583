import { MENTIONS_TABLE_SQL } from '../../mention-sql.js';
import type { PgMigration } from '../migrations.js';

/**
 * Version 12 as in SQLite: `message_mentions` (one row per message and mentioned user, `*` for `@all`),
 * kept in step with the messages by triggers: a text stored with `content.mentions` adds its rows, a
 * recall removes them, a deleted message takes them along.
 */
export const MENTIONS_MIGRATION: PgMigration = {
  version: 12,
  name: 'mentions: who each text message mentions, for unread mention counts',
  sql: `
    ${MENTIONS_TABLE_SQL}

    CREATE FUNCTION message_mentions_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO message_mentions (message_id, conversation_id, seq, sender_id, user_id)
        SELECT NEW.id, NEW.conversation_id, NEW.seq, NEW.sender_id, mentioned.user_id
        FROM jsonb_array_elements_text(COALESCE(NEW.content->'mentions'->'userIds', '[]'::jsonb)) AS mentioned(user_id)
        UNION
        SELECT NEW.id, NEW.conversation_id, NEW.seq, NEW.sender_id, '*' WHERE NEW.content->'mentions'->'all' = 'true'::jsonb
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$;
    CREATE TRIGGER message_mentions_insert AFTER INSERT ON messages
      FOR EACH ROW WHEN (NEW.type = 'text' AND NEW.content ? 'mentions') EXECUTE FUNCTION message_mentions_insert();

    CREATE FUNCTION message_mentions_recall() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM message_mentions WHERE message_id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER message_mentions_recall AFTER UPDATE OF type ON messages
      FOR EACH ROW WHEN (NEW.type <> 'text') EXECUTE FUNCTION message_mentions_recall();
  `,
};
