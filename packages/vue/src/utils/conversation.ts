import type { Conversation, Request, User } from '@confab/protocol';

/** What stands for a conversation in avatars: the peer, or the group as a user-like record. */
export function avatarOf(conversation: Conversation): User {
  if (conversation.kind === 'direct') return conversation.peer;
  const { id, name, avatarUrl } = conversation.group;
  return { id, username: name, displayName: name, avatarUrl };
}

/** The conversation's title: the peer's display name, or the group's name. */
export function titleOf(conversation: Conversation): string {
  return conversation.kind === 'direct' ? conversation.peer.displayName : conversation.group.name;
}

/** Whether a request waits for the signed-in user's answer (a friend request to them, or a join request they may decide). */
export function isIncoming(request: Request, meId: string | undefined): boolean {
  return request.kind === 'friend' ? request.to.id === meId : request.from.id !== meId;
}
