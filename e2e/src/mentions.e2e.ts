import type { AuthResponse, GroupSummary } from '@confab/protocol';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, trackPageErrors } from './browser.js';
import { imHarness } from './im-harness.js';

const { befriend, device, loggedIn, rest } = imHarness();

const login = (username: string) => rest<AuthResponse>('POST', '/auth/login', undefined, { username, password: 'confab-demo' });
const groupRow = (page: Page) => page.locator('[data-testid="conversation-item"][data-group="launch"]');
const optionIds = (page: Page) => page.getByTestId('mention-option').evaluateAll((options) => options.map((option) => option.getAttribute('data-user-id')));

describe('mentions in Chromium', () => {
  it('alice picks bob from the @ list; bob, who muted the group, sees the @ badge until he opens it; carol (a member) gets no @all', async () => {
    const [alice, bob, carol] = await Promise.all([login('alice'), login('bob'), login('carol')]);
    // The demo makes alice and bob friends; a group's first members are the owner's friends.
    await befriend(alice, carol);
    const { group } = await rest<{ group: GroupSummary }>('POST', '/groups', alice.token, { name: 'launch', memberIds: [bob.user.id, carol.user.id] });
    const [alicePage, bobPage, carolPage] = [await loggedIn('alice'), await loggedIn('bob'), await loggedIn('carol')];
    const errors = [...trackPageErrors(alicePage), ...trackPageErrors(bobPage), ...trackPageErrors(carolPage)];

    // Bob mutes the group.
    const bobRow = groupRow(bobPage);
    await bobRow.hover();
    await bobRow.getByTestId('conversation-menu').click();
    await bobRow.getByTestId('conversation-mute').click();
    await bobRow.getByTestId('conversation-muted').waitFor();

    // Alice types "@bo" and picks bob.
    await groupRow(alicePage).click();
    const input = alicePage.getByTestId('composer-input');
    await input.pressSequentially('@', { delay: 20 });
    await expect.poll(() => optionIds(alicePage)).toEqual(['*', bob.user.id, carol.user.id]);
    await input.pressSequentially('bo', { delay: 20 });
    await expect.poll(() => optionIds(alicePage)).toEqual([bob.user.id]);
    expect(await input.getAttribute('aria-activedescendant')).toBe(await alicePage.locator('[data-testid="mention-option"]').first().getAttribute('id'));
    await screenshot(alicePage, 'mentions-autocomplete');
    await alicePage.locator(`[data-testid="mention-option"][data-user-id="${bob.user.id}"]`).click();
    expect(await input.inputValue()).toBe('@Bob ');
    await input.pressSequentially('can you review the launch notes?', { delay: 5 });
    await input.press('Enter');
    const sent = alicePage.locator('[data-testid="message-item"]', { hasText: 'can you review' });
    await expect.poll(() => sent.getByTestId('message-mention').textContent()).toBe('@Bob');

    // Bob's list: the @ badge on the muted group (beside the muted dot, out of the total).
    await bobRow.getByTestId('conversation-mention').waitFor();
    await bobRow.getByTestId('conversation-unread-dot').waitFor();
    expect(await bobRow.getByTestId('conversation-mention').getAttribute('aria-label')).toBe('You were mentioned once');
    await bobPage.mouse.move(0, 0);
    await screenshot(bobPage, 'mentions-badge-muted');

    // Opening it reads it: the badge goes, and the mention of him is marked in the bubble.
    await bobRow.click();
    const received = bobPage.locator('[data-testid="message-item"]', { hasText: 'can you review' });
    await expect.poll(() => received.locator('[data-testid="message-mention"][data-me="true"]').textContent()).toBe('@Bob');
    await expect.poll(() => bobRow.getByTestId('conversation-mention').count()).toBe(0);
    await screenshot(bobPage, 'mentions-opened');

    // Carol is a plain member: no @all among her choices.
    await groupRow(carolPage).click();
    await carolPage.getByTestId('composer-input').pressSequentially('@', { delay: 20 });
    await expect.poll(() => optionIds(carolPage)).toEqual([alice.user.id, bob.user.id]);
    await screenshot(carolPage, 'mentions-member-no-all');
    // Forced by a client of her own, the server refuses it and stores nothing.
    const carolDevice = await device(carol, 'carol.script');
    const lastSeq = () => carolDevice.client.getState().conversations.list.find((conversation) => conversation.id === group.id)?.lastSeq;
    const before = lastSeq();
    await expect(carolDevice.client.sendText(group.id, '@all hello', { mentions: { userIds: [], all: true } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const history = await rest<{ messages: { content: { text?: string } }[] }>('GET', `/conversations/${group.id}/messages`, alice.token);
    expect(history.messages.map((message) => message.content.text).filter(Boolean)).toEqual(['@Bob can you review the launch notes?']);
    expect(lastSeq()).toBe(before);
    expect(errors).toEqual([]);
  });
});
