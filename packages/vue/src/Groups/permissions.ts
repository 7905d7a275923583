import type { GroupRole } from '@confab/protocol';

export type MemberAction = 'promote' | 'demote' | 'transfer' | 'remove';

/**
 * What the viewer (their role) may do to a member (their role), mirroring the server's table in
 * docs/guide/groups.md: the owner promotes, demotes, transfers and removes; an admin removes members.
 * Leaving oneself is a separate button.
 */
export function memberActions(viewer: GroupRole | null, target: GroupRole, self: boolean): MemberAction[] {
  if (self || viewer === null || viewer === 'member' || target === 'owner') return [];
  if (viewer === 'admin') return target === 'member' ? ['remove'] : [];
  return [target === 'member' ? 'promote' : 'demote', 'transfer', 'remove'];
}
