import { describe, expect, it } from 'vitest';
import { screenshot, trackPageErrors } from './browser.js';
import { imHarness } from './im-harness.js';

const { loggedIn } = imHarness();

describe('presence in Chromium', () => {
  it('bob sees alice online, then "last seen" once she closes her page; hidden, he sees nothing of her', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const errors = trackPageErrors(bob);

    // Contacts: a green dot on alice, named in the row's accessible name.
    await bob.getByTestId('tab-contacts').click();
    const aliceRow = bob.locator('[data-testid="contact-item"][data-username="alice"]');
    await aliceRow.getByTestId('presence-dot').waitFor();
    expect(await aliceRow.locator('.confab-contact__open').getAttribute('aria-label')).toMatch(/\(online\)$/);
    expect(await aliceRow.getByTestId('presence-dot').getAttribute('aria-label')).toBe('online');
    await screenshot(bob, 'im-presence-contacts');

    // The 1:1 header: dot and "online".
    await aliceRow.locator('.confab-contact__open').click();
    const header = bob.getByTestId('conversation-header');
    await expect.poll(() => header.getByTestId('presence-status').textContent()).toBe('online');
    expect(await header.getByTestId('presence-dot').count()).toBe(1);
    await screenshot(bob, 'im-presence-online');

    // Alice closes her page: her last socket is gone.
    await alice.context().close();
    await expect.poll(() => header.getByTestId('presence-status').textContent(), { timeout: 10_000 }).toBe('last seen just now');
    expect(await header.getByTestId('presence-dot').count()).toBe(0);
    expect(await header.getByTestId('presence-status').getAttribute('title')).toMatch(/\d{4}/);
    await screenshot(bob, 'im-presence-last-seen');

    // Back, then she hides her presence in the contacts tab: bob sees neither online nor last seen.
    const aliceAgain = await loggedIn('alice');
    await expect.poll(() => header.getByTestId('presence-status').textContent(), { timeout: 10_000 }).toBe('online');
    await aliceAgain.getByTestId('tab-contacts').click();
    const toggle = aliceAgain.getByTestId('presence-toggle');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => header.getByTestId('presence-status').count()).toBe(0);
    expect(await header.getByTestId('presence-dot').count()).toBe(0);
    await bob.getByTestId('tab-contacts').click();
    expect(await aliceRow.getByTestId('presence-dot').count()).toBe(0);
    await screenshot(bob, 'im-presence-hidden');
    // Reciprocal: hiding hers, alice sees no dot on bob either.
    const bobRow = aliceAgain.locator('[data-testid="contact-item"][data-username="bob"]');
    await bobRow.waitFor();
    expect(await bobRow.getByTestId('presence-dot').count()).toBe(0);
    await screenshot(aliceAgain, 'im-presence-toggle');

    // A reload keeps it hidden (the setting is stored), and showing it again brings bob's dot back.
    await aliceAgain.reload();
    await aliceAgain.getByTestId('me-name').waitFor();
    await aliceAgain.getByTestId('tab-contacts').click();
    await expect.poll(() => aliceAgain.getByTestId('presence-toggle').isChecked()).toBe(false);
    await aliceAgain.getByTestId('presence-toggle').check();
    await bobRow.getByTestId('presence-dot').waitFor();
    await aliceRow.getByTestId('presence-dot').waitFor();
    expect(errors).toEqual([]);
  });
});
