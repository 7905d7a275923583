import type { Page } from 'playwright-core';
import { BIG_PASSWORD, type BigChat } from './big-chat.js';

/** Opens the web app and logs the seeded viewer in. */
export async function loginViewer(page: Page, chat: BigChat): Promise<void> {
  await page.goto(chat.server.url);
  await signIn(page, chat);
}

/** Fills the login form of an open app with the seeded viewer and waits for the conversation list. */
export async function signIn(page: Page, chat: BigChat): Promise<void> {
  await page.getByTestId('auth-mode-login').click();
  await page.getByTestId('auth-username').fill(chat.username);
  await page.getByTestId('auth-password').fill(BIG_PASSWORD);
  await page.getByTestId('auth-submit').click();
  await page.getByTestId('me-name').waitFor();
  await page.getByTestId('conversation-item').first().waitFor();
}

/** Opens the conversation with the busy friend and waits for its messages. */
export async function openBusyConversation(page: Page, chat: BigChat): Promise<void> {
  await page.locator(`[data-testid="conversation-item"][data-peer="${chat.busyFriend.username}"] .confab-conversation__button`).click();
  await page.getByTestId('message-item').first().waitFor();
}

/** Element nodes inside the first element matching `selector`. */
export function nodesUnder(page: Page, selector: string): Promise<number> {
  return page.evaluate((css) => document.querySelector(css)?.querySelectorAll('*').length ?? -1, selector);
}

/** Scrolls the open timeline near its top (not to it: that loads by itself); true when older messages can be loaded. */
export async function olderOffered(page: Page): Promise<boolean> {
  await page.getByTestId('message-scroller').evaluate((node) => (node.scrollTop = 100));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return (await page.getByTestId('load-older').count()) > 0;
}

/** Loads one page of older messages with the button; resolves once the timeline grew. */
export async function loadOlderPage(page: Page): Promise<void> {
  const scroller = page.getByTestId('message-scroller');
  const height = await scroller.evaluate((node) => node.scrollHeight);
  await page.getByTestId('load-older').click();
  await page.waitForFunction(
    ([css, before]) => (document.querySelector(css as string)?.scrollHeight ?? 0) > (before as number),
    ['[data-testid="message-scroller"]', height] as const,
    { timeout: 15_000 },
  );
}

/** Loads the whole history of the open conversation; returns how many pages it took. */
export async function loadEveryMessage(page: Page, eachPage?: () => Promise<void>): Promise<number> {
  let pages = 0;
  while (await olderOffered(page)) {
    if (eachPage) await eachPage();
    else await loadOlderPage(page);
    pages++;
    if (pages > 500) throw new Error('history did not end after 500 pages');
  }
  return pages;
}
