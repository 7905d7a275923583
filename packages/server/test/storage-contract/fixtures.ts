import type { GroupRole, JoinPolicy, Message, SystemContent, User } from '@confab/protocol';
import type { NewNotice } from '../../src/storage/group-store.js';
import type { NewMessage, Store } from '../../src/storage/store.js';

let counter = 0;
function next(): number {
  counter += 1;
  return counter;
}

/** A new user `<name><n>` with display name `displayName` (default: the name capitalised). */
export async function addUser(store: Store, name: string, displayName?: string): Promise<User> {
  const n = next();
  const id = `u_${name}${n}`;
  const created = await store.createUser({
    id,
    username: `${name}${n}`,
    displayName: displayName ?? name[0]!.toUpperCase() + name.slice(1),
    passwordHash: `hash-${n}`,
    createdAt: 1_000 + n,
  });
  if (!created) throw new Error(`username ${name}${n} taken`);
  return (await store.getUser(id))!;
}

/** Makes `a` and `b` friends; returns their conversation id. */
export function addFriends(store: Store, a: User, b: User, now = 2_000): Promise<string> {
  return store.makeFriends(a.id, b.id, now, `c_${next()}`);
}

/** A text message to append; ids and clientMsgId fresh unless given. */
export function textMessage(conversationId: string, senderId: string, text: string, extra: Partial<NewMessage> = {}): NewMessage {
  const n = next();
  return { id: `m_${n}`, conversationId, senderId, clientMsgId: `k_${n}`, type: 'text', content: { text }, createdAt: 10_000 + n, ...extra };
}

/** Appends a text message and returns it, failing unless it was created. */
export async function send(store: Store, conversationId: string, senderId: string, text: string, extra: Partial<NewMessage> = {}): Promise<Message> {
  const result = await store.appendMessage(textMessage(conversationId, senderId, text, extra));
  if (result.outcome !== 'created') throw new Error(`append was ${result.outcome}`);
  return result.message;
}

/** A system notice by `actor`. */
export function notice(event: SystemContent['event'], actor: User, extra: Partial<SystemContent> = {}, createdAt = 20_000 + next()): NewNotice {
  return { id: `m_n${next()}`, content: { event, actorId: actor.id, actorName: actor.displayName, ...extra }, createdAt };
}

/** A group owned by `owner` with `members`; returns its id and the `created` notice. */
export async function addGroup(
  store: Store,
  owner: User,
  members: User[] = [],
  options: { name?: string; joinPolicy?: JoinPolicy; createdAt?: number } = {},
): Promise<{ groupId: string; created: Message }> {
  const groupId = `g_${next()}`;
  const name = options.name ?? 'proj-x';
  const createdAt = options.createdAt ?? 3_000;
  const created = await store.groups.createGroup({
    id: groupId,
    ownerId: owner.id,
    name,
    description: 'a group',
    avatarUrl: null,
    joinPolicy: options.joinPolicy ?? 'approval',
    memberIds: members.map((member) => member.id),
    createdAt,
    notice: notice('created', owner, { name }, createdAt),
  });
  return { groupId, created };
}

/** The roles of a group's members by user id. */
export async function roles(store: Store, groupId: string): Promise<Record<string, GroupRole>> {
  const members = await store.groups.listMembers(groupId);
  return Object.fromEntries(members.map((member) => [member.user.id, member.role]));
}

/** A fresh id with a prefix. */
export function freshId(prefix: string): string {
  return `${prefix}_${next()}`;
}
