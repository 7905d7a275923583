import type { ChatClient } from '@confab/core';
import type { AuthResponse, Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { screenshot, trackPageErrors } from './browser.js';
import { until } from './chaos/devices.js';
import { imHarness } from './im-harness.js';

const harness = imHarness();
const { device, loggedIn, rest, register } = harness;

async function signIn(username: string): Promise<AuthResponse> {
  const response = await fetch(`${harness.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'confab-demo' }),
  });
  return (await response.json()) as AuthResponse;
}

const view = (client: ChatClient, conversationId: string) =>
  client.getState().messages[conversationId]?.items.map(({ message }) => `${message.seq}:${message.type}:${'text' in message.content ? message.content.text : ''}`) ?? [];

describe('changes to messages reach a device that was offline', () => {
  it("bob's phone, offline during alice's recall, edit and reaction and his own delete-for-me on his laptop, shows all four after reconnecting", async () => {
    const [alice, bob] = await Promise.all([signIn('alice'), signIn('bob')]);
    const laptop = await device(alice, 'alice');
    const conversationId = laptop.client.getState().friends.find((friend) => friend.user.username === 'bob')!.conversationId;
    const sent: Message[] = [];
    for (const text of ['recall me', 'edit me', 'react to me', 'hide me']) sent.push(await laptop.client.sendText(conversationId, text));
    const phone = await device(bob, 'bob.phone');
    const bobLaptop = await device(bob, 'bob.laptop');
    await phone.client.openConversation(conversationId);
    const base = sent[0]!.seq - 1;
    const before = [`${base + 1}:text:recall me`, `${base + 2}:text:edit me`, `${base + 3}:text:react to me`, `${base + 4}:text:hide me`];
    expect(view(phone.client, conversationId).slice(-4)).toEqual(before);

    phone.goOffline();
    await until(() => phone.client.getState().connection === 'reconnecting', 2_000, 'phone offline');
    await laptop.client.recall(sent[0]!.id);
    await laptop.client.edit(sent[1]!.id, 'edited while you were away');
    await laptop.client.react(sent[2]!.id, '🙏', true);
    await bobLaptop.client.deleteForMe(sent[3]!.id);
    expect(view(phone.client, conversationId).slice(-4)).toEqual(before);

    phone.goOnline();
    await until(() => view(phone.client, conversationId).at(-1) === `${base + 4}:hidden:`, 5_000, 'phone caught up');
    expect(view(phone.client, conversationId).slice(-4)).toEqual([`${base + 1}:recalled:`, `${base + 2}:text:edited while you were away`, `${base + 3}:text:react to me`, `${base + 4}:hidden:`]);
    const reacted = phone.client.getState().messages[conversationId]?.items.find((item) => item.message.id === sent[2]!.id)?.message;
    expect(reacted?.reactions).toEqual([{ emoji: '🙏', userIds: [alice.user.id] }]);
    const row = phone.client.getState().conversations.list.find((conversation) => conversation.id === conversationId);
    expect(row?.lastMessage?.type).toBe('hidden');
    // alice never sees bob's delete-for-me.
    expect(view(laptop.client, conversationId).slice(-1)).toEqual([`${base + 4}:text:hide me`]);
  });
});

describe('recall and edit in Chromium', () => {
  it('alice edits and recalls from the message menu; bob sees "edited" and "Alice recalled a message" live, and the list preview follows', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const errors = [...trackPageErrors(alice), ...trackPageErrors(bob)];
    await alice.locator('[data-testid="conversation-item"][data-peer="bob"]').click();
    await bob.locator('[data-testid="conversation-item"][data-peer="alice"]').click();
    for (const text of ['see you at 5', 'the code is 4711']) {
      await alice.getByTestId('composer-input').fill(text);
      await alice.getByTestId('composer-input').press('Enter');
      await alice.locator('[data-testid="message-item"][data-state="sent"]', { hasText: text }).waitFor();
    }
    await bob.locator('[data-testid="message-item"]', { hasText: 'the code is 4711' }).waitFor();

    const first = alice.locator('[data-testid="message-item"]', { hasText: 'see you at 5' });
    await first.hover();
    await first.getByTestId('message-actions').click();
    await screenshot(alice, 'im-message-menu');
    await first.getByTestId('message-edit').click();
    // The editor stands in for the text, so it is found by its own test id.
    await alice.getByTestId('message-editor').locator('textarea').fill('see you at 6');
    await alice.getByTestId('message-edit-save').click();
    const edited = bob.locator('[data-testid="message-item"]', { hasText: 'see you at 6' });
    await edited.getByTestId('message-edited').waitFor();

    const second = alice.locator('[data-testid="message-item"]', { hasText: 'the code is 4711' });
    await second.hover();
    await second.getByTestId('message-actions').click();
    await second.getByTestId('message-recall').click();
    // The first test recalled one already in this conversation: this is the second.
    await expect.poll(() => alice.getByTestId('recalled-notice').filter({ hasText: 'You recalled a message' }).count()).toBe(2);
    await expect.poll(() => bob.getByTestId('recalled-notice').filter({ hasText: 'Alice recalled a message' }).count()).toBe(2);
    expect(await bob.getByTestId('message-text').allTextContents()).not.toContain('the code is 4711');
    const preview = bob.locator('[data-testid="conversation-item"][data-peer="alice"] [data-testid="conversation-preview"]');
    await expect.poll(() => preview.textContent()).toContain('recalled a message');
    // bob reacts to the edited message from its menu; alice sees the count.
    await edited.hover();
    await edited.getByTestId('message-actions').click();
    await edited.locator('[data-testid="reaction-pick"][data-emoji="👍"]').click();
    const chip = alice.locator('[data-testid="reaction"][data-emoji="👍"]');
    await expect.poll(() => chip.textContent()).toContain('1');
    expect(await chip.getAttribute('title')).toBe('Bob');
    await screenshot(bob, 'im-recalled-and-edited');
    expect(errors).toEqual([]);
  });
});

describe('reply and jump in Chromium', () => {
  it('a quote of a message 80 back jumps to it, loading the history around it', async () => {
    const [dora, eve] = [await register('dora', 'Dora'), await register('eve', 'Eve')];
    const { request } = await rest<{ request: { id: string } }>('POST', '/requests', dora.token, { kind: 'friend', targetId: eve.user.id });
    await rest('POST', `/requests/${request.id}/accept`, eve.token);
    const phone = await device(dora, 'dora');
    const conversationId = phone.client.getState().friends.find((friend) => friend.user.id === eve.user.id)?.conversationId
      ?? (await rest<{ friends: { conversationId: string; user: { id: string } }[] }>('GET', '/friends', dora.token)).friends.find((friend) => friend.user.id === eve.user.id)!.conversationId;
    let quoted: Message | undefined;
    for (let n = 1; n <= 80; n++) {
      const sent = await phone.client.sendText(conversationId, n === 3 ? 'the meeting is in room 4' : `note ${n}`);
      if (n === 3) quoted = sent;
    }
    await phone.client.sendText(conversationId, 'which room was it again?', { replyTo: quoted });

    const page = await loggedIn('eve');
    const errors = trackPageErrors(page);
    await page.locator('[data-testid="conversation-item"][data-peer="dora"]').click();
    // eve opens on her first unread message; the reply is the latest.
    await page.getByTestId('jump-to-latest').click();
    const quote = page.getByTestId('message-quote');
    await quote.waitFor();
    expect(await quote.textContent()).toContain('Show the original message');
    expect(await page.locator('[data-testid="message-item"][data-seq="3"]').count()).toBe(0);
    await quote.click();
    const original = page.locator('[data-testid="message-item"][data-seq="3"]');
    await original.waitFor();
    await expect.poll(() => original.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const scroller = element.closest('.confab-messages')!.getBoundingClientRect();
      return box.top >= scroller.top && box.bottom <= scroller.bottom;
    })).toBe(true);
    expect(await original.getByTestId('message-text').textContent()).toBe('the meeting is in room 4');
    // No gap: the rows rendered around the original (the list is virtual) are consecutive from before 3 on.
    const seqs = (await page.locator('[data-testid="message-item"]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))))).sort((a, b) => a - b);
    expect(seqs).toContain(3);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => (seqs[0] as number) + index));
    // The quote, back at the latest, now shows the original's text.
    await page.getByTestId('jump-to-latest').click();
    await expect.poll(() => quote.textContent()).toContain('the meeting is in room 4');
    await screenshot(page, 'im-reply-jump');
    expect(errors).toEqual([]);
  });
});
