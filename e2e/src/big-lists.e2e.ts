import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, trackPageErrors } from './browser.js';
import { startBigChat, type BigChat } from './big-chat.js';
import { loadEveryMessage, loadOlderPage, loginViewer, nodesUnder as nodesUnderOf, openBusyConversation } from './big-chat-page.js';

let chat: BigChat;
let browser: Browser;
let page: Page;
let errors: string[];

function nodesUnder(selector: string): Promise<number> {
  return nodesUnderOf(page, selector);
}

/** The data-seq values of the message rows rendered now. */
function renderedSeqs(): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="message-item"]')).map((node) => Number(node.getAttribute('data-seq'))),
  );
}

beforeAll(async () => {
  chat = await startBigChat(3000, 10_000);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'Asia/Tokyo' });
  page = await context.newPage();
  errors = trackPageErrors(page);
  await loginViewer(page, chat);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await chat?.stop();
});

describe('3,000 conversations and 10,000 messages in Chromium against a real server', () => {
  it('the conversation list renders a window of rows: under 800 DOM nodes for 3,000 conversations', async () => {
    await expect.poll(() => page.getByTestId('conversation-item').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    const rows = await page.getByTestId('conversation-item').count();
    expect(rows).toBeLessThan(60);
    expect(await nodesUnder('.confab-conversations')).toBeLessThan(800);
    // The scroll height covers every conversation; the last one renders when scrolled to.
    await page.locator('.confab-conversations').evaluate((node) => (node.scrollTop = node.scrollHeight));
    await expect.poll(() => page.locator('[data-testid="conversation-item"][data-peer="friend1"]').count()).toBe(1);
    expect(await nodesUnder('.confab-conversations')).toBeLessThan(800);
    await page.locator('.confab-conversations').evaluate((node) => (node.scrollTop = 0));
  });

  it('arrow keys move through the virtual conversation list', async () => {
    // The list was scrolled back to the top: wait for its first row (rows near the end may still be rendered).
    const first = page.locator('[data-index="0"] .confab-conversation__button');
    await expect.poll(() => first.count()).toBe(1);
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'));
    expect(focused).toBe('2');
    await page.keyboard.press('End');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="conversation-item"]')?.getAttribute('data-peer')))
      .toBe('friend1');
    await page.keyboard.press('Home');
  });

  it('the message list stays under 800 DOM nodes with all 10,000 messages loaded, and keeps the reading position', async () => {
    await openBusyConversation(page, chat);
    await expect.poll(() => renderedSeqs().then((seqs) => Math.max(...seqs)), { timeout: 30_000 }).toBe(chat.messageCount + 1);
    const scroller = page.getByTestId('message-scroller');
    /** The message at the top of the viewport: its seq and its distance from the top (px). */
    const topMessage = () =>
      scroller.evaluate((node) => {
        const top = node.getBoundingClientRect().top;
        const item = Array.from(node.querySelectorAll('[data-testid="message-item"]')).find((entry) => entry.getBoundingClientRect().top >= top);
        return { seq: item?.getAttribute('data-seq') ?? '', offset: Math.round((item?.getBoundingClientRect().top ?? 0) - top) };
      });
    const offsetOf = (seq: string) =>
      scroller.evaluate((node, wanted) => {
        const item = node.querySelector(`[data-testid="message-item"][data-seq="${wanted}"]`);
        return item ? Math.round(item.getBoundingClientRect().top - node.getBoundingClientRect().top) : null;
      }, seq);
    const pages = await loadEveryMessage(page, async () => {
      // Load a page of older messages: the message read at the top stays exactly where it was.
      const before = await topMessage();
      await loadOlderPage(page);
      // Within a pixel (sub-pixel layout).
      await expect.poll(async () => Math.abs(((await offsetOf(before.seq)) ?? Infinity) - before.offset)).toBeLessThanOrEqual(1);
    });
    expect(pages).toBeGreaterThanOrEqual(chat.messageCount / 100);
    await scroller.evaluate((node) => (node.scrollTop = 0));
    await expect.poll(() => renderedSeqs().then((seqs) => Math.min(...seqs)), { timeout: 15_000 }).toBe(1);
    expect(await nodesUnder('[data-testid="message-scroller"]')).toBeLessThan(800);
    expect(await page.getByTestId('message-item').count()).toBeLessThan(80);
    // Day separators are calendar days in the viewer's zone: the oldest messages are ~30 days back.
    expect(await page.getByTestId('day-separator').count()).toBeGreaterThan(0);
    // From the top, "jump to latest" goes back to the newest message.
    await page.getByTestId('jump-to-latest').click();
    await expect.poll(() => renderedSeqs().then((seqs) => Math.max(...seqs))).toBe(chat.messageCount + 1);
    expect(await nodesUnder('[data-testid="message-scroller"]')).toBeLessThan(800);
    expect(errors).toEqual([]);
  }, 300_000);
});
