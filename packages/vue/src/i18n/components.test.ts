import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { AiReplyMessage, FileRef, GroupJoinRequest, Message } from '@confab/protocol';
import AiReply from '../AiReply/AiReply.vue';
import FileCard from '../Attachments/FileCard.vue';
import FileImage from '../Attachments/FileImage.vue';
import AuthForm from '../AuthForm/AuthForm.vue';
import BlockToggle from '../Blocks/BlockToggle.vue';
import ContactList from '../ContactList/ContactList.vue';
import FriendSearch from '../FriendSearch/FriendSearch.vue';
import CreateGroup from '../Groups/CreateGroup.vue';
import GroupFinder from '../Groups/GroupFinder.vue';
import GroupPanel from '../Groups/GroupPanel.vue';
import MessageList from '../MessageList/MessageList.vue';
import RequestList from '../RequestList/RequestList.vue';
import { aiReply, alice, bob, carol, createFakeClient, friendOf, friendRequest, groupConversation, projX, signedInState, timeline } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import { registrationProblems } from '../utils/accountRules.js';
import { errorMessage } from '../utils/errors.js';
import { createConfabI18n } from './i18n.js';
import { en } from './locales/en.js';
import { noticeText, previewText } from './messageText.js';

const joinRequest = (id: string, from = carol): GroupJoinRequest => ({
  id,
  kind: 'group',
  group: { id: projX.id, name: 'proj-x', avatarUrl: null },
  from,
  note: '',
  status: 'pending',
  decidedBy: null,
  createdAt: 2,
  updatedAt: 2,
});
const file: FileRef = { id: 'f1', name: 'plan.pdf', size: 2048, mimeType: 'application/pdf', sha256: 'ab' };

/** Every component with its own strings, mounted as a signed-in owner with friends, requests and a group. */
async function mountAll(locale: string): Promise<VueWrapper[]> {
  const client = createFakeClient(
    signedInState({
      friends: [friendOf(bob), friendOf(carol)],
      requests: [friendRequest({ id: 'r-in', from: carol, to: alice }), friendRequest({ id: 'r-out', from: alice, to: bob }), joinRequest('r-join')],
      blocked: [{ user: { id: 'u-dan', username: 'dan', displayName: 'Dan', avatarUrl: null }, since: 1 }],
    }),
  );
  client.searchGroups = (async () => [{ ...projX, myRole: null }]) as typeof client.searchGroups;
  const global = withClient(client, { locale });
  const wrappers = [
    mount(AuthForm, { props: { initialMode: 'register' }, global }),
    mount(ContactList, { global }),
    mount(FriendSearch, { global }),
    mount(RequestList, { global }),
    mount(GroupPanel, { props: { conversation: groupConversation() }, global }),
    mount(CreateGroup, { global }),
    mount(GroupFinder, { global }),
    mount(AiReply, { props: { message: aiReply(5, { text: 'hi', status: 'streaming', deltas: 1 }) as AiReplyMessage }, global }),
    mount(AiReply, { props: { message: aiReply(6, { text: 'hi', status: 'stopped' }) as AiReplyMessage }, global }),
    mount(FileCard, { props: { file }, global }),
    mount(FileImage, { props: { file: { ...file, mimeType: 'image/png' } }, global }),
    mount(BlockToggle, { props: { user: bob }, global }),
  ];
  await wrappers[6]!.get('[data-testid="group-search-input"]').setValue('proj');
  await wrappers[11]!.get('[data-testid="block-button"]').trigger('click');
  await flushPromises();
  return wrappers;
}

/** The words a person sees or hears: text, labels, placeholders, titles and option texts. */
function shownWords(wrapper: VueWrapper): string[] {
  const root = wrapper.element as Element;
  const words = [root.textContent ?? ''];
  for (const node of [root, ...root.querySelectorAll('*')]) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = node.getAttribute(name);
      if (value) words.push(value);
    }
  }
  return words;
}

describe('components speak the plugin locale', () => {
  it('shows no English string of the catalogue in Japanese', async () => {
    const english = Object.values(en).flatMap((text) => (typeof text === 'string' ? [text] : Object.values(text)));
    // Only strings without placeholders can be looked for verbatim; a few words are kept in any language.
    const literal = english.filter((text) => !text.includes('{') && text.length > 3);
    const seen = (await mountAll('ja')).flatMap(shownWords).join('\n');
    expect(literal.filter((text) => seen.includes(text))).toEqual([]);
    // The English run shows them, so the check above can fail.
    const seenInEnglish = (await mountAll('en')).flatMap(shownWords).join('\n');
    expect(['Create account', 'Make admin', 'Accept', 'Download', 'Regenerate', 'Ask to join', 'Blocked users', 'Unblock', 'Cancel'].filter((text) => !seenInEnglish.includes(text))).toEqual([]);
  });

  it('words the group panel, requests and the login form in Chinese', async () => {
    const [auth, , , requests, panel] = await mountAll('zh-CN');
    expect(auth!.get('[data-testid="auth-submit"]').text()).toBe('创建账号');
    const rows = panel!.findAll('[data-testid="group-member"]');
    expect(rows[2]!.findAll('button').map((button) => button.text())).toEqual(['设为管理员', '转让群主', '移出群组']);
    expect(rows[0]!.text()).toContain('Alice Liddell（我）');
    const items = requests!.findAll('[data-testid="request-item"]');
    expect(items[2]!.text()).toContain('申请加入 proj-x');
    expect(items[0]!.get('[data-testid="request-accept"]').attributes('aria-label')).toBe('接受 Carol 的请求');
  });

  it('words system notices and previews through the notice strings', () => {
    const { t } = createConfabI18n({ locale: 'zh-CN' });
    expect(noticeText({ event: 'role_changed', actorId: 'a', actorName: 'alice', targetId: 'b', targetName: 'bob', role: 'admin' }, t)).toBe('alice 将 bob 设为管理员');
    expect(noticeText({ event: 'member_added', actorId: 'a', actorName: 'alice', targetId: 'z' }, t)).toBe('alice 邀请 某人 加入了群组');
    expect(noticeText({ event: 'member_left', actorId: 'b', actorName: 'bob' })).toBe('bob left');
    const photo = { id: 'm', conversationId: 'c', seq: 1, senderId: 'a', clientMsgId: 'x', createdAt: 1, type: 'image', content: { file } } as Message;
    expect(previewText(photo, createConfabI18n({ locale: 'de' }).t)).toBe('Foto: plan.pdf');
    expect(previewText(photo)).toBe('Photo: plan.pdf');
    const arabic = createConfabI18n({ locale: 'ar' }).t;
    expect(previewText({ ...photo, type: 'recalled', content: { byId: 'a', byName: 'alice' } } as Message, arabic)).toBe(arabic('im.recalledBy', { name: 'alice' }));
  });

  it('shows system notices in the timeline in the locale', () => {
    const notice = { id: 'n1', conversationId: projX.id, seq: 2, senderId: carol.id, clientMsgId: 'system:n1', createdAt: 1, type: 'system' as const, content: { event: 'member_left' as const, actorId: carol.id, actorName: 'Carol' } };
    const client = createFakeClient(signedInState({ conversations: { list: [groupConversation()], unreadTotal: 0, loaded: true }, messages: { [projX.id]: timeline([{ message: notice, state: 'sent' }]) } }));
    const wrapper = mount(MessageList, { props: { conversationId: projX.id }, global: withClient(client, { locale: 'fr' }) });
    expect(wrapper.get('[data-testid="system-notice"]').text()).toBe('Carol a quitté le groupe');
  });

  it('words registration problems and error fallbacks in the locale', () => {
    const { t } = createConfabI18n({ locale: 'ko' });
    expect(registrationProblems({ username: 'ab', password: 'short', displayName: '' }, t)).toEqual([
      '사용자 이름: 영문 소문자(a–z), 숫자, “_”, “.”, “-”로 3–32자.',
      '비밀번호: 8자 이상이어야 합니다.',
    ]);
    expect(errorMessage({ code: 'NETWORK' }, t)).toBe('서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.');
    expect(errorMessage({ code: 'NETWORK', message: 'socket closed' }, t)).toBe('socket closed');
    expect(errorMessage({ code: 'toString' })).toBe('Something went wrong. Try again.');
  });
});
