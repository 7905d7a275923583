import type { Pool } from 'pg';
import type { GroupStore } from '../group-store.js';
import type { Store } from '../store.js';
import { blockMethods } from './blocks.js';
import { conversationSettingsMethods } from './conversation-settings.js';
import { conversationMethods } from './conversations.js';
import { fileMethods } from './files.js';
import { friendMethods } from './friends.js';
import { groupRequestMethods } from './group-requests.js';
import { groupWriteMethods } from './group-writes.js';
import { groupReadMethods } from './groups.js';
import { messageChangeMethods } from './message-changes.js';
import { mentionMethods } from './mentions.js';
import { messageSearchMethods } from './message-search.js';
import { messageMethods } from './messages.js';
import { migratePostgres } from './migrations.js';
import { presenceMethods } from './presence.js';
import { createPool, type PoolOptions } from './pool.js';
import { reactionMethods } from './reactions.js';
import { requestMethods } from './requests.js';
import { userMethods } from './users.js';

/** The PostgreSQL backend of {@link Store}: one area per file, composed over one pool. */
export interface PostgresStore extends Store {
  readonly pool: Pool;
}

/** The store over an open pool whose database is migrated already (see {@link openPostgresStore}). */
export function createPostgresStore(pool: Pool): PostgresStore {
  const groups: GroupStore = { ...groupReadMethods(pool), ...groupWriteMethods(pool), ...groupRequestMethods(pool) };
  let closing: Promise<void> | undefined;
  return {
    pool,
    groups,
    messageChanges: messageChangeMethods(pool),
    reactions: reactionMethods(pool),
    messageSearch: messageSearchMethods(pool),
    conversationSettings: conversationSettingsMethods(pool),
    blocks: blockMethods(pool),
    mentions: mentionMethods(pool),
    presence: presenceMethods(pool),
    ...userMethods(pool),
    ...friendMethods(pool),
    ...requestMethods(pool),
    ...conversationMethods(pool),
    ...messageMethods(pool),
    ...fileMethods(pool),
    async ping() {
      await pool.query('SELECT 1');
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}

/** Connects to `url`, applies the pending migrations (safe when several nodes start at once), and returns the store. */
export async function openPostgresStore(url: string, options: PoolOptions = {}): Promise<PostgresStore> {
  const pool = createPool(url, options);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return createPostgresStore(pool);
}
