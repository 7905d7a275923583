import type { AuthResponse, GroupSummary } from '@confab/protocol';
import { api } from './helpers.js';

/** Creates a group owned by `owner` with `members` (friends of the owner); returns it. */
export async function createGroup(url: string, owner: AuthResponse, members: AuthResponse[], extra: Record<string, unknown> = {}): Promise<GroupSummary> {
  const result = await api(url, 'POST', '/groups', {
    token: owner.token,
    body: { name: 'proj-x', memberIds: members.map((member) => member.user.id), ...extra },
  });
  if (result.status !== 201) throw new Error(`create group failed: ${JSON.stringify(result.body)}`);
  return result.body.group as GroupSummary;
}

/** The owner makes `member` an admin. */
export async function promote(url: string, owner: AuthResponse, groupId: string, member: AuthResponse): Promise<void> {
  const result = await api(url, 'PATCH', `/groups/${groupId}/members/${member.user.id}`, { token: owner.token, body: { role: 'admin' } });
  if (result.status !== 200) throw new Error(`promote failed: ${JSON.stringify(result.body)}`);
}

/** The text a client would show for a system notice, for assertions. */
export function systemEvents(messages: { type: string; content: unknown }[]): string[] {
  return messages.filter((message) => message.type === 'system').map((message) => (message.content as { event: string }).event);
}
