import type { SystemContent } from '@confab/protocol';

/** What a system notice says, as a kind of sentence and the words that fill it. */
export type SystemNoticeKind =
  | 'created'
  | 'joined'
  | 'added'
  | 'left'
  | 'removed'
  | 'renamed'
  | 'madeAdmin'
  | 'madeMember'
  | 'madeOwner'
  | 'changed';

/** A system notice taken apart, so a UI can put it into its own words (and language). */
export interface SystemNoticeParts {
  kind: SystemNoticeKind;
  /** Who did it. */
  actor: string;
  /** To whom, or undefined when the notice names nobody else (or an unknown user). */
  target: string | undefined;
  /** The group's name, for `created` and `renamed`. */
  name: string;
}

const KINDS: Readonly<Record<string, SystemNoticeKind>> = {
  created: 'created',
  member_joined: 'joined',
  member_added: 'added',
  member_left: 'left',
  member_removed: 'removed',
  renamed: 'renamed',
  owner_transferred: 'madeOwner',
};

/**
 * A system notice's kind and names, with current names from `nameOf` when it knows them
 * (it returns undefined for unknown users), else the names the notice carries.
 * @example systemNoticeParts({ event: 'member_left', actorId: 'u_bob', actorName: 'bob' }) // { kind: 'left', actor: 'bob', … }
 */
export function systemNoticeParts(content: SystemContent, nameOf: (userId: string) => string | undefined = () => undefined): SystemNoticeParts {
  const actor = nameOf(content.actorId) ?? content.actorName;
  const target = content.targetId === undefined ? undefined : (nameOf(content.targetId) ?? content.targetName);
  const kind = content.event === 'role_changed' ? (content.role === 'admin' ? 'madeAdmin' : 'madeMember') : (KINDS[content.event] ?? 'changed');
  return { kind, actor, target, name: content.name ?? '' };
}

const ENGLISH: Readonly<Record<SystemNoticeKind, (parts: SystemNoticeParts & { target: string }) => string>> = {
  created: ({ actor, name }) => `${actor} created the group ${name}`.trim(),
  joined: ({ actor }) => `${actor} joined`,
  added: ({ actor, target }) => `${actor} added ${target}`,
  left: ({ actor }) => `${actor} left`,
  removed: ({ actor, target }) => `${actor} removed ${target}`,
  renamed: ({ actor, name }) => `${actor} renamed the group to ${name}`.trim(),
  madeAdmin: ({ actor, target }) => `${actor} made ${target} an admin`,
  madeMember: ({ actor, target }) => `${actor} made ${target} a member`,
  madeOwner: ({ actor, target }) => `${actor} made ${target} the owner`,
  changed: ({ actor }) => `${actor} changed the group`,
};

/**
 * The English text a client shows for a system notice in a group's timeline, with the names the
 * notice carries (or, when given, current names from `nameOf`, which returns undefined for unknown
 * users). A localised UI puts `systemNoticeParts` into its own words instead.
 * @example systemNoticeText({ event: 'member_left', actorId: 'u_bob', actorName: 'bob' }) // 'bob left'
 */
export function systemNoticeText(content: SystemContent, nameOf: (userId: string) => string | undefined = () => undefined): string {
  const parts = systemNoticeParts(content, nameOf);
  return ENGLISH[parts.kind]({ ...parts, target: parts.target ?? 'someone' });
}
