import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, trackPageErrors } from './browser.js';
import { until } from './chaos/devices.js';
import { imHarness } from './im-harness.js';

const { device, loggedIn, register, befriend } = imHarness();

/** The people of the list, top to bottom (the assistant left out). */
const order = (page: Page) => page.locator('[data-testid="conversation-item"][data-peer]').evaluateAll((items) => items.map((item) => item.getAttribute('data-peer')).filter((peer) => peer !== 'assistant'));

async function menu(page: Page, peer: string, action: string): Promise<void> {
  const row = page.locator(`[data-testid="conversation-item"][data-peer="${peer}"]`);
  await row.hover();
  await row.getByTestId('conversation-menu').click();
  await row.getByTestId(action).click();
}

describe('pin, mute and hide in Chromium', () => {
  it('mia pins noah above newer chats, mutes olive (a dot, out of the total) and hides her until her next message; her phone follows', async () => {
    const [mia, noah, olive] = [await register('mia', 'Mia'), await register('noah', 'Noah'), await register('olive', 'Olive')];
    const [withNoah, withOlive] = [await befriend(mia, noah), await befriend(mia, olive)];
    const [noahPhone, olivePhone] = [await device(noah, 'noah'), await device(olive, 'olive')];
    await noahPhone.client.sendText(withNoah, 'lunch?');
    await olivePhone.client.sendText(withOlive, 'did you see the game');

    const page = await loggedIn('mia');
    const errors = trackPageErrors(page);
    const phone = await device(mia, 'mia.phone');
    await expect.poll(() => order(page)).toEqual(['olive', 'noah']);
    await expect.poll(() => page.getByTestId('unread-total').textContent()).toBe('2');

    await menu(page, 'noah', 'conversation-pin');
    await expect.poll(() => order(page)).toEqual(['noah', 'olive']);
    await page.locator('[data-testid="conversation-item"][data-peer="noah"] [data-testid="conversation-pinned"]').waitFor();
    // Her phone, on another connection, has it pinned too.
    await until(() => phone.client.getState().conversations.list[0]?.id === withNoah, 5_000, 'phone pinned');

    await menu(page, 'olive', 'conversation-mute');
    const oliveRow = page.locator('[data-testid="conversation-item"][data-peer="olive"]');
    await oliveRow.getByTestId('conversation-unread-dot').waitFor();
    await expect.poll(() => page.getByTestId('unread-total').textContent()).toBe('1');
    await olivePhone.client.sendText(withOlive, 'hello??');
    await expect.poll(() => oliveRow.getByTestId('conversation-unread-dot').getAttribute('aria-label')).toBe('Muted, 2 unread');
    expect(await oliveRow.getByTestId('conversation-unread').count()).toBe(0);
    // A newer message does not move olive above the pinned chat.
    expect(await order(page)).toEqual(['noah', 'olive']);
    await expect.poll(() => page.getByTestId('unread-total').textContent()).toBe('1');
    await page.mouse.move(0, 0);
    await screenshot(page, 'im-pinned-and-muted');

    await menu(page, 'olive', 'conversation-hide');
    await expect.poll(() => order(page)).toEqual(['noah']);
    await until(() => phone.client.getState().conversations.list.find((conversation) => conversation.id === withOlive)?.hiddenSeq != null, 5_000, 'phone hid olive');
    await olivePhone.client.sendText(withOlive, 'ok I will stop');
    await expect.poll(() => order(page)).toEqual(['noah', 'olive']);
    await screenshot(page, 'im-hidden-until-next-message');
    expect(errors).toEqual([]);
  });
});
