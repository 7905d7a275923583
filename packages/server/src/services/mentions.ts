import type { Mentions } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { ConversationRecord, Store } from '../storage/store.js';

const field = (name: string, problem: string) => ({ fields: [{ field: name, problem }] });

/**
 * The mentions to store with a text, checked: groups only; every id a current member (deduplicated,
 * at most `LIMITS.mentionsMax` by the schema); `@all` by the owner or an admin only
 * (FORBIDDEN otherwise); at least one `@` in the text per mention, since clients write `@Name` for each
 * (the server never parses names). Undefined when nobody is mentioned. Nothing is written on a refusal.
 */
export async function checkMentions(store: Store, conversation: ConversationRecord, senderId: string, text: string, mentions: Mentions): Promise<Mentions | undefined> {
  if (conversation.kind !== 'group') throw new ApiError('VALIDATION', 'Mentions are for group conversations only', field('mentions', 'is only allowed in groups'));
  const userIds = [...new Set(mentions.userIds)];
  const members = new Set(conversation.memberIds);
  const outsider = userIds.find((id) => !members.has(id));
  if (outsider !== undefined) throw new ApiError('VALIDATION', `Only members of this group can be mentioned; ${outsider} is not one`, field('mentions.userIds', 'names someone who is not a member'));
  const all = mentions.all === true;
  if (!all && userIds.length === 0) return undefined;
  const atSigns = text.split('@').length - 1;
  if (atSigns < userIds.length + (all ? 1 : 0)) throw new ApiError('VALIDATION', 'Each mention needs its @Name in the text', field('mentions', 'has more mentions than @ in the text'));
  if (all) {
    const role = await store.groups.getRole(conversation.id, senderId);
    if (role !== 'owner' && role !== 'admin') throw new ApiError('FORBIDDEN', 'Only the owner and admins may mention @all', field('mentions.all', 'is for owners and admins'));
  }
  return all ? { userIds, all: true } : { userIds };
}
