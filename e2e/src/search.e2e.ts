import type { AuthResponse, Message } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { demoPage, launchBrowser, screenshot, trackPageErrors } from './browser.js';
import { openDevice, until, type Device } from './chaos/devices.js';
import { restCall } from './rest.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const devices: Device[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const device of devices) device.client.logout();
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

const rest = <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => restCall<T>(server.url, method, path, token, body);
const register = (username: string, displayName: string) => rest<AuthResponse>('POST', '/auth/register', undefined, { username, password: 'confab-demo', displayName });

describe('message search in Chromium', () => {
  it('finds a message 60 back by a CJK word, shows the snippet marked, and opens it in context; a recalled one is never found', async () => {
    const [fay, gus] = [await register('fay', 'Fay'), await register('gus', 'Gus')];
    const { request } = await rest<{ request: { id: string } }>('POST', '/requests', fay.token, { kind: 'friend', targetId: gus.user.id });
    await rest('POST', `/requests/${request.id}/accept`, gus.token);
    const phone = await openDevice(server.url, fay, 'fay');
    devices.push(phone);
    await until(() => phone.client.getState().connection === 'connected' && phone.client.getState().conversations.loaded, 10_000, 'fay ready');
    const conversationId = phone.client.getState().friends.find((friend) => friend.user.id === gus.user.id)!.conversationId;
    let wanted: Message | undefined;
    for (let n = 1; n <= 70; n++) {
      const sent = await phone.client.sendText(conversationId, n === 5 ? '明天的会议改到下午三点 <b>not bold</b>' : `note ${n}`);
      if (n === 5) wanted = sent;
    }
    const recalled = await phone.client.sendText(conversationId, '会议室的门禁密码 4711');
    await phone.client.recall(recalled.id);

    const page = await demoPage(browser, server.url, 'gus', contexts);
    const errors = trackPageErrors(page);
    await page.getByTestId('tab-search').click();
    await page.getByTestId('message-search-input').fill('会议');
    const result = page.getByTestId('message-search-result');
    await result.first().waitFor();
    expect(await result.count()).toBe(1);
    const snippet = result.getByTestId('message-search-snippet');
    expect(await snippet.textContent()).toBe('明天的会议改到下午三点 <b>not bold</b>');
    expect(await snippet.locator('mark').textContent()).toBe('会议');
    expect(await snippet.locator('b').count()).toBe(0);
    expect(await result.locator('.confab-message-search__place').textContent()).toBe('Fay');
    await screenshot(page, 'im-search-results');

    await result.click();
    const target = page.locator(`[data-testid="message-item"][data-seq="${wanted!.seq}"]`);
    await target.waitFor();
    await expect.poll(() => target.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const scroller = element.closest('.confab-messages')!.getBoundingClientRect();
      return box.top >= scroller.top && box.bottom <= scroller.bottom;
    })).toBe(true);
    expect(await target.evaluate((element) => element.classList.contains('confab-highlight'))).toBe(true);
    // In context: its neighbours are rendered around it, in order, without a gap (the list is virtual: only rows near the view).
    const seqs = await page.locator('[data-testid="message-item"]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))));
    expect(seqs).toEqual(expect.arrayContaining([wanted!.seq - 1, wanted!.seq, wanted!.seq + 1]));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => seqs[0]! + index));
    await screenshot(page, 'im-search-opened');

    // The emoji picker loads when first opened, and puts the emoji in the composer.
    await page.getByTestId('composer-input').fill('see you ');
    await page.getByTestId('composer-emoji').click();
    await page.getByTestId('emoji-picker').waitFor();
    await screenshot(page, 'im-emoji-picker');
    await page.getByTestId('emoji-option').first().click();
    expect(await page.getByTestId('composer-input').inputValue()).toBe('see you 😀');

    // The history between it and the newest message was loaded: scrolled to the end, the recalled one shows.
    await page.locator('.confab-messages').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.getByTestId('recalled-notice').waitFor();

    await page.getByTestId('message-search-input').fill('门禁');
    await page.getByTestId('message-search-empty').waitFor();
    expect(await page.getByTestId('message-search-empty').textContent()).toContain('No messages found for “门禁”');
    expect(errors).toEqual([]);
  });
});
