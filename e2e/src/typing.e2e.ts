import { LIMITS } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { screenshot, trackPageErrors } from './browser.js';
import { imHarness } from './im-harness.js';

const { loggedIn } = imHarness();

describe('typing in Chromium', () => {
  it('bob sees "Alice is typing…" while she types, gone when her message arrives, and gone by itself when she stops', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const errors = [...trackPageErrors(alice), ...trackPageErrors(bob)];
    await alice.locator('[data-testid="conversation-item"][data-peer="bob"]').click();
    await bob.locator('[data-testid="conversation-item"][data-peer="alice"]').click();
    const indicator = bob.getByTestId('typing-indicator');
    expect(await indicator.textContent()).toBe('');

    await alice.getByTestId('composer-input').pressSequentially('on my way', { delay: 20 });
    await expect.poll(() => indicator.textContent()).toBe('Alice is typing…');
    // Alice never sees herself typing.
    expect(await alice.getByTestId('typing-indicator').textContent()).toBe('');
    await screenshot(bob, 'im-typing');
    await alice.getByTestId('composer-input').press('Enter');
    await bob.locator('[data-testid="message-item"]', { hasText: 'on my way' }).waitFor();
    expect(await indicator.textContent()).toBe('');

    await alice.getByTestId('composer-input').pressSequentially('and', { delay: 20 });
    await expect.poll(() => indicator.textContent()).toBe('Alice is typing…');
    const shownAt = Date.now();
    // She stops typing (never sends): it goes by itself, after about LIMITS.typingExpiresMs.
    await expect.poll(() => indicator.textContent(), { timeout: LIMITS.typingExpiresMs + 3000 }).toBe('');
    expect(Date.now() - shownAt).toBeGreaterThan(LIMITS.typingExpiresMs - 1500);
    expect(errors).toEqual([]);
  });
});
