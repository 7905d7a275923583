import type { AuthResponse } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations, trackPageErrors } from './browser.js';
import { imHarness } from './im-harness.js';

const { loggedIn, rest } = imHarness();

const login = (username: string) => rest<AuthResponse>('POST', '/auth/login', undefined, { username, password: 'confab-demo' });

describe('blocking in Chromium', () => {
  it('alice blocks bob: his messages show as sent on his page and never reach hers; carol\'s request stays hers alone; unblocking lets the next message through', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const carol = await loggedIn('carol');
    const errors = [...trackPageErrors(alice), ...trackPageErrors(bob), ...trackPageErrors(carol)];
    await alice.locator('[data-testid="conversation-item"][data-peer="bob"]').click();
    await bob.locator('[data-testid="conversation-item"][data-peer="alice"]').click();
    await bob.getByTestId('composer-input').fill('see you at 6');
    await bob.getByTestId('composer-input').press('Enter');
    await alice.locator('[data-testid="message-item"]', { hasText: 'see you at 6' }).waitFor();

    // Alice blocks bob from the chat's header, after confirming.
    await alice.getByTestId('block-button').click();
    await expect.poll(() => alice.getByTestId('block-question').textContent()).toBe('Block Bob? They will not be told; their messages and friend requests will no longer reach you.');
    await screenshot(alice, 'im-block-confirm');
    expect(await seriousViolations(alice)).toEqual([]);
    await alice.getByTestId('block-confirm').click();
    await alice.getByTestId('blocked-bar').waitFor();
    expect(await alice.getByTestId('composer-input').count()).toBe(0);
    await screenshot(alice, 'im-blocked-bar');
    // Alice goes back to her chat list, where an unread message would show.
    await alice.locator('[data-testid="conversation-item"][data-peer="assistant"]').click();
    const bobRow = alice.locator('[data-testid="conversation-item"][data-peer="bob"]');
    const previewBefore = await bobRow.getByTestId('conversation-preview').textContent();
    expect(previewBefore).toContain('see you at 6');

    // Bob writes: on his page it is sent like any message, with no error.
    await bob.getByTestId('composer-input').fill('are you there?');
    await bob.getByTestId('composer-input').press('Enter');
    const sent = bob.locator('[data-testid="message-item"]', { hasText: 'are you there?' });
    await expect.poll(() => sent.getAttribute('data-state')).toBe('sent');
    expect(await bob.locator('[role="alert"]').count()).toBe(0);
    await screenshot(bob, 'im-blocked-sender-sees-sent');

    // Alice: nothing, no unread, the preview unchanged; not even after a reload.
    await alice.waitForTimeout(500);
    expect(await bobRow.getByTestId('conversation-unread').count()).toBe(0);
    expect(await alice.getByTestId('unread-total').count()).toBe(0);
    expect(await bobRow.getByTestId('conversation-preview').textContent()).toBe(previewBefore);
    await alice.reload();
    await bobRow.waitFor();
    expect(await bobRow.getByTestId('conversation-unread').count()).toBe(0);
    expect(await bobRow.getByTestId('conversation-preview').textContent()).toBe(previewBefore);
    await bobRow.click();
    await alice.getByTestId('blocked-bar').waitFor();
    expect(await alice.locator('[data-testid="message-item"]', { hasText: 'are you there?' }).count()).toBe(0);
    await screenshot(alice, 'im-blocker-sees-nothing');

    // Carol, whom alice blocks too, asks to be her friend: pending on carol's page, nothing on alice's.
    const aliceAuth = await login('alice');
    const carolAuth = await login('carol');
    await rest('POST', '/blocks', aliceAuth.token, { userId: carolAuth.user.id });
    await carol.getByTestId('tab-contacts').click();
    await carol.getByTestId('user-search-input').fill('alice');
    const result = carol.locator('[data-testid="user-search-result"][data-username="alice"]');
    await result.waitFor();
    await result.getByTestId('user-add').click();
    await carol.getByTestId('tab-requests').click();
    await carol.locator('[data-testid="request-item"][data-direction="outgoing"][data-status="pending"]').waitFor();
    await screenshot(carol, 'im-blocked-request-pending');
    await alice.waitForTimeout(500);
    expect(await alice.getByTestId('requests-count').count()).toBe(0);
    await alice.getByTestId('tab-requests').click();
    expect(await alice.locator('[data-testid="request-item"]').count()).toBe(0);

    // Her contacts list both blocked users; she unblocks carol there.
    await alice.getByTestId('tab-contacts').click();
    await expect.poll(() => alice.locator('[data-testid="blocked-item"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-username')))).toEqual(['carol', 'bob']);
    await screenshot(alice, 'im-blocked-list');
    // The blocked list and the bar (the chat is still open beside it) pass axe-core.
    expect(await seriousViolations(alice, ['[data-testid="blocked-list"]', '[data-testid="conversation-pane"]'])).toEqual([]);
    await alice.locator('[data-testid="blocked-item"][data-username="carol"] [data-testid="blocked-unblock"]').click();
    await expect.poll(() => alice.locator('[data-testid="blocked-item"]').count()).toBe(1);

    // Alice unblocks bob from the bar; his next message arrives, the one sent meanwhile never does.
    await alice.getByTestId('tab-chats').click();
    await bobRow.click();
    await alice.getByTestId('blocked-bar-unblock').click();
    await alice.getByTestId('composer-input').waitFor();
    await bob.getByTestId('composer-input').fill('hello again');
    await bob.getByTestId('composer-input').press('Enter');
    await alice.locator('[data-testid="message-item"]', { hasText: 'hello again' }).waitFor();
    expect(await alice.locator('[data-testid="message-item"]', { hasText: 'are you there?' }).count()).toBe(0);
    await screenshot(alice, 'im-unblocked-next-message');
    expect(errors).toEqual([]);
  });
});
