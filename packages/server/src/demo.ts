import type { FastifyBaseLogger } from 'fastify';
import { ASSISTANT_USER_ID } from './ai/assistant-user.js';
import { hashPassword } from './auth/passwords.js';
import { newId } from './ids.js';
import type { Store } from './storage/store.js';

/** The password of every demo user. */
export const DEMO_PASSWORD = 'confab-demo';

/** alice and bob are friends (so two windows can chat at once); carol has no friends yet. */
export const DEMO_USERS = [
  { username: 'alice', displayName: 'Alice' },
  { username: 'bob', displayName: 'Bob' },
  { username: 'carol', displayName: 'Carol' },
] as const;

/**
 * Creates the demo users that do not exist yet and makes alice and bob friends. Safe to run on
 * every start: existing users are left as they are.
 */
export async function seedDemo(store: Store, log: FastifyBaseLogger, now = Date.now()): Promise<void> {
  const ids = new Map<string, string>();
  for (const { username, displayName } of DEMO_USERS) {
    let user = await store.findUserByUsername(username);
    if (!user) {
      const id = newId('u');
      await store.createUser({ id, username, displayName, passwordHash: await hashPassword(DEMO_PASSWORD), createdAt: now });
      user = await store.findUserByUsername(username);
      log.info({ username }, 'demo user created');
    }
    if (user) ids.set(username, user.id);
    if (user) await store.makeFriends(user.id, ASSISTANT_USER_ID, now, newId('c'));
  }
  const alice = ids.get('alice');
  const bob = ids.get('bob');
  if (alice && bob && !(await store.getFriendship(alice, bob))) {
    await store.makeFriends(alice, bob, now, newId('c'));
  }
}
