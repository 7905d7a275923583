import type { SystemContent } from '@confab/protocol';

/**
 * The text a client shows for a system notice in a group's timeline, with the names the notice
 * carries (or, when given, current names from `nameOf`, which returns undefined for unknown users).
 * @example systemNoticeText({ event: 'member_left', actorId: 'u_bob', actorName: 'bob' }) // 'bob left'
 */
export function systemNoticeText(content: SystemContent, nameOf: (userId: string) => string | undefined = () => undefined): string {
  const actor = nameOf(content.actorId) ?? content.actorName;
  const target = content.targetId === undefined ? 'someone' : (nameOf(content.targetId) ?? content.targetName ?? 'someone');
  switch (content.event) {
    case 'created':
      return `${actor} created the group ${content.name ?? ''}`.trim();
    case 'member_joined':
      return `${actor} joined`;
    case 'member_added':
      return `${actor} added ${target}`;
    case 'member_left':
      return `${actor} left`;
    case 'member_removed':
      return `${actor} removed ${target}`;
    case 'renamed':
      return `${actor} renamed the group to ${content.name ?? ''}`.trim();
    case 'role_changed':
      return `${actor} made ${target} ${content.role === 'admin' ? 'an admin' : 'a member'}`;
    case 'owner_transferred':
      return `${actor} made ${target} the owner`;
    default:
      return `${actor} changed the group`;
  }
}
