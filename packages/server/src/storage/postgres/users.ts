import type { User } from '@confab/protocol';
import type { Pool } from 'pg';
import { USER_COLUMNS, userFromRow, type UserRow } from '../sqlite/rows.js';
import type { Store } from '../store.js';
import { likeEscape } from './sql.js';
import { inTransaction, isUniqueViolation, type Queryable } from './transaction.js';

export type UserMethods = Pick<Store, 'createUser' | 'getUser' | 'findUserByUsername' | 'searchUsers' | 'upsertExternalUser' | 'updateUserProfile'>;

/** A user by id, or null. */
export async function userById(db: Queryable, id: string): Promise<User | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? userFromRow(rows[0]) : null;
}

async function updateProfile(db: Queryable, id: string, displayName: string, avatarUrl: string | null): Promise<void> {
  await db.query('UPDATE users SET display_name = $1, avatar_url = $2 WHERE id = $3', [displayName, avatarUrl, id]);
}

/** Users: accounts, lookups by name, search, host-application identities. Usernames are unique case-insensitively. */
export function userMethods(pool: Pool): UserMethods {
  return {
    async createUser(user) {
      const { rowCount } = await pool.query(
        `INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ((lower(username))) DO NOTHING`,
        [user.id, user.username, user.displayName, user.passwordHash, user.createdAt],
      );
      return rowCount === 1;
    },

    getUser: (id) => userById(pool, id),

    async findUserByUsername(username) {
      const { rows } = await pool.query<UserRow & { password_hash: string; created_at: number }>(
        `SELECT ${USER_COLUMNS}, password_hash, created_at FROM users WHERE lower(username) = lower($1)`,
        [username],
      );
      const row = rows[0];
      return row ? { ...userFromRow(row), passwordHash: row.password_hash, createdAt: row.created_at } : null;
    },

    async searchUsers(query, excludeId, limit) {
      const escaped = likeEscape(query);
      const { rows } = await pool.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users
         WHERE id <> $1 AND (username ILIKE $2 OR display_name ILIKE $2)
         ORDER BY CASE WHEN username ILIKE $3 OR display_name ILIKE $3 THEN 0 ELSE 1 END, lower(username) COLLATE "C"
         LIMIT $4`,
        [excludeId, `%${escaped}%`, `${escaped}%`, limit],
      );
      return rows.map(userFromRow);
    },

    async upsertExternalUser(input) {
      // Two first sign-ins of one identity at once: the second insert of the mapping fails; run again, it finds the user.
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await inTransaction(pool, async (client) => {
            const existing = await client.query<{ user_id: string }>('SELECT user_id FROM external_identities WHERE app_id = $1 AND subject = $2', [input.appId, input.subject]);
            let userId = existing.rows[0]?.user_id;
            if (userId) {
              await updateProfile(client, userId, input.displayName, input.avatarUrl);
            } else {
              const { id, username, createdAt } = input.newUser;
              const created = await client.query(
                `INSERT INTO users (id, username, display_name, avatar_url, password_hash, created_at) VALUES ($1, $2, $3, $4, '!', $5)
                 ON CONFLICT ((lower(username))) DO NOTHING`,
                [id, username, input.displayName, input.avatarUrl, createdAt],
              );
              if (created.rowCount !== 1) return null;
              await client.query('INSERT INTO external_identities (app_id, subject, user_id, created_at) VALUES ($1, $2, $3, $4)', [input.appId, input.subject, id, createdAt]);
              userId = id;
            }
            return userById(client, userId);
          });
        } catch (error) {
          if (attempt >= 2 || !isUniqueViolation(error)) throw error;
        }
      }
    },

    async updateUserProfile(id, profile) {
      await updateProfile(pool, id, profile.displayName, profile.avatarUrl);
    },
  };
}
