import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { GroupMember, Mentions } from '@confab/protocol';
import { useChatClient } from '../plugin.js';
import { useChatState } from '../composables/useChatState.js';

/** One choice of the mention list: a member, or `@all`. */
export interface MentionOption {
  /** The member's id; `*` for `@all`. */
  id: string;
  /** What goes into the text after `@`: the display name, or `all`. */
  name: string;
  /** The member as the list shows them; absent for `@all`. */
  user?: GroupMember['user'];
}

/** Most choices the list shows at once. */
const MAX_OPTIONS = 8;
/** `@` at the start or after a space, and what follows it up to the caret. */
const TOKEN = /(?:^|\s)@([^\s@]*)$/u;

/**
 * The `@` autocomplete of a group's composer: opens when the text before the caret ends in `@` and a
 * word, lists the members (the caller left out) whose name or username holds that word, and `@all` for
 * the group's owner and admins; choosing one writes `@Name ` and remembers the id. `mentions()` gives
 * the ids whose `@Name` is still in the text, so deleting the token drops the mention.
 */
export function useMentionPicker(conversationId: () => string, text: Ref<string>, input: Ref<HTMLTextAreaElement | null>) {
  const client = useChatClient();
  const state = useChatState();
  const group = computed(() => {
    const conversation = state.value.conversations.list.find((entry) => entry.id === conversationId());
    return conversation?.kind === 'group' ? conversation.group : null;
  });
  const members = shallowRef<GroupMember[]>([]);
  const query = ref<string | null>(null);
  const active = ref(0);
  /** The chosen mentions, until their `@Name` leaves the text. */
  const chosen = ref<MentionOption[]>([]);
  /** Where the `@` of the open (or dismissed with Escape) token is. */
  let start = 0;
  let dismissed = -1;
  let loadedFor = '';

  async function loadMembers(): Promise<void> {
    const id = conversationId();
    const key = `${id}:${group.value?.memberCount}`;
    if (loadedFor === key) return;
    loadedFor = key;
    try {
      const loaded = await client.groupMembers(id);
      if (id === conversationId()) members.value = loaded;
    } catch {
      loadedFor = '';
    }
  }

  const options = computed<MentionOption[]>(() => {
    if (query.value === null || !group.value) return [];
    const word = query.value.toLocaleLowerCase();
    const meId = state.value.me?.id;
    const found = members.value
      .filter((member) => member.user.id !== meId && (member.user.displayName.toLocaleLowerCase().includes(word) || member.user.username.toLocaleLowerCase().startsWith(word)))
      .sort((a, b) => Number(!a.user.displayName.toLocaleLowerCase().startsWith(word)) - Number(!b.user.displayName.toLocaleLowerCase().startsWith(word)))
      .map((member): MentionOption => ({ id: member.user.id, name: member.user.displayName, user: member.user }));
    const role = group.value.myRole;
    const all = (role === 'owner' || role === 'admin') && 'all'.startsWith(word) ? [{ id: '*', name: 'all' }] : [];
    return [...all, ...found].slice(0, MAX_OPTIONS);
  });
  const open = computed(() => options.value.length > 0);

  /** Looks at the text before the caret: opens, narrows or closes the list. Call on input, click and caret moves. */
  function update(): void {
    chosen.value = chosen.value.filter((option) => text.value.includes(`@${option.name}`));
    const caret = input.value?.selectionStart ?? text.value.length;
    const match = group.value ? TOKEN.exec(text.value.slice(0, caret)) : null;
    const at = match ? caret - (match[1] as string).length - 1 : -1;
    if (!match || at === dismissed) {
      query.value = null;
      return;
    }
    if (query.value === null || at !== start) active.value = 0;
    start = at;
    query.value = match[1] as string;
    void loadMembers();
  }

  /** Writes `@Name ` in place of the typed token and remembers the mention. */
  function choose(option: MentionOption): void {
    const caret = start + 1 + (query.value?.length ?? 0);
    const inserted = `@${option.name} `;
    text.value = text.value.slice(0, start) + inserted + text.value.slice(caret);
    if (!chosen.value.some((known) => known.id === option.id)) chosen.value = [...chosen.value, option];
    query.value = null;
    const box = input.value;
    const at = start + inserted.length;
    box?.focus();
    requestAnimationFrame(() => box?.setSelectionRange(at, at));
  }

  /** Arrow keys move, Enter and Tab choose, Escape closes; true when the key was the list's. */
  function onKeydown(event: KeyboardEvent): boolean {
    if (!open.value || event.isComposing) return false;
    const count = options.value.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') active.value = (active.value + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
    else if (event.key === 'Enter' || event.key === 'Tab') choose(options.value[Math.min(active.value, count - 1)] as MentionOption);
    else if (event.key === 'Escape') {
      dismissed = start;
      query.value = null;
    } else return false;
    event.preventDefault();
    return true;
  }

  /** The mentions of `body` (the text being sent): the chosen ones whose `@Name` it still holds. */
  function mentions(body: string): Mentions | undefined {
    const kept = chosen.value.filter((option) => body.includes(`@${option.name}`));
    if (kept.length === 0) return undefined;
    const userIds = kept.filter((option) => option.id !== '*').map((option) => option.id);
    return kept.some((option) => option.id === '*') ? { userIds, all: true } : { userIds };
  }

  function reset(): void {
    chosen.value = [];
    query.value = null;
    dismissed = -1;
  }

  watch(conversationId, reset);
  /** Whether the conversation is a group (where `@` opens the list). */
  const enabled = computed(() => group.value !== null);
  return { enabled, open, options, active, update, choose, onKeydown, mentions, reset };
}
