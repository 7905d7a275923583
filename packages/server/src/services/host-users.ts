import { createHash } from 'node:crypto';
import type { User } from '@confab/protocol';
import type { HostIdentity } from '../auth/host-tokens.js';
import { ASSISTANT_USER_ID } from '../ai/assistant-user.js';
import { newId } from '../ids.js';
import type { Store } from '../storage/store.js';

/** Letters and digits of `text`, lowercased, at most `max` long. */
function slug(text: string, max: number): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, max);
}

/**
 * A username for a host user: `<app>.<sub>.<hash>` from letters and digits only (so it always matches
 * the username pattern, at most 32 characters), the hash of (appId, sub) keeping it unique.
 * `attempt` lengthens the hash after a collision.
 */
export function hostUsername(identity: HostIdentity, attempt = 0): string {
  const hash = createHash('sha256').update(`${identity.appId}\u0000${identity.subject}`).digest('hex');
  const app = slug(identity.appId, 8) || 'app';
  const sub = slug(identity.subject, 12);
  const suffix = hash.slice(0, 6 + attempt * 4);
  return [app, sub, suffix].filter(Boolean).join('.').slice(0, 32);
}

/** Creates the Confab user of a host identity, or updates its name and avatar. */
export async function upsertHostUser(store: Store, identity: HostIdentity, now: number): Promise<User> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const user = await store.upsertExternalUser({
      appId: identity.appId,
      subject: identity.subject,
      newUser: { id: newId('u'), username: hostUsername(identity, attempt), createdAt: now },
      displayName: identity.name,
      avatarUrl: identity.avatarUrl,
    });
    if (user) {
      // Like people who register, a host's user has the assistant as a contact (idempotent on later sign-ins).
      await store.makeFriends(user.id, ASSISTANT_USER_ID, now, newId('c'));
      return user;
    }
  }
  throw new Error(`No free username for host user ${identity.appId}/${identity.subject}`);
}
