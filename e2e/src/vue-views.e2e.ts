import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot, seriousViolations, trackPageErrors } from './browser.js';
import { startBigChat, type BigChat } from './big-chat.js';
import { openBusyConversation as openBusy, signIn } from './big-chat-page.js';

let chat: BigChat;
let browser: Browser;
const contexts: BrowserContext[] = [];

type Theme = 'light' | 'dark';

async function openApp(options: { locale: string; theme: Theme; viewport: { width: number; height: number } }): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: options.locale,
    timezoneId: 'Asia/Tokyo',
    colorScheme: options.theme,
    hasTouch: options.viewport === PHONE,
    isMobile: options.viewport === PHONE,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${chat.server.url}/?locale=${options.locale}&theme=${options.theme}`);
  return page;
}

const login = (page: Page) => signIn(page, chat);

async function openBusyConversation(page: Page): Promise<void> {
  await openBusy(page, chat);
  await page.waitForTimeout(300);
}

beforeAll(async () => {
  chat = await startBigChat(30, 150);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await chat?.stop();
});

describe('accessibility: axe-core finds no serious or critical violations', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`on the login form, the conversation list and a conversation, in the ${theme} theme`, async () => {
      const page = await openApp({ locale: 'en-US', theme, viewport: DESKTOP });
      const errors = trackPageErrors(page);
      await page.getByTestId('auth-submit').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await login(page);
      expect(await page.locator('.confab-app').getAttribute('data-theme')).toBe(theme);
      expect(await seriousViolations(page)).toEqual([]);
      await openBusyConversation(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

describe('locales, themes and layouts', () => {
  it('dark theme really is dark: the page background is a dark colour', async () => {
    const page = await openApp({ locale: 'en-US', theme: 'dark', viewport: DESKTOP });
    const background = await page.locator('.confab-app').evaluate((node) => getComputedStyle(node).backgroundColor);
    const [red, green, blue] = background.match(/\d+/g)!.map(Number);
    expect(red! + green! + blue!).toBeLessThan(120);
  });

  it('Arabic lays the app out right to left: the list is on the right, text is Arabic', async () => {
    const page = await openApp({ locale: 'ar', theme: 'light', viewport: DESKTOP });
    await login(page);
    expect(await page.locator('.confab-app').getAttribute('dir')).toBe('rtl');
    const sidebar = (await page.locator('.confab-app__sidebar').boundingBox())!;
    const main = (await page.locator('.confab-app__main').boundingBox())!;
    expect(sidebar.x).toBeGreaterThan(main.x);
    expect(await page.getByTestId('tab-chats').textContent()).toContain('المحادثات');
  });

  it('the composer input is at least 16px on a phone (no zoom on focus)', async () => {
    const page = await openApp({ locale: 'en-US', theme: 'light', viewport: PHONE });
    await login(page);
    await openBusyConversation(page);
    const size = await page.getByTestId('composer-input').evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
  });

  it('a host page of its own (/library-demo.html) uses ConversationList, MessageList and Composer', async () => {
    const page = await openApp({ locale: 'en-US', theme: 'light', viewport: DESKTOP });
    await login(page);
    await page.goto(`${chat.server.url}/library-demo.html`);
    await page.getByTestId('demo-me').waitFor();
    await openBusy(page, chat);
    await page.getByTestId('composer-input').fill('sent from the demo layout');
    await page.getByTestId('composer-input').press('Enter');
    await page.locator('[data-testid="message-item"][data-state="sent"]', { hasText: 'sent from the demo layout' }).waitFor();
    await screenshot(page, 'vue-library-demo');
  });

  for (const locale of ['en', 'zh-CN', 'ar']) {
    for (const theme of ['light', 'dark'] as const) {
      it(`screenshots in ${locale}, ${theme}: desktop and phone`, async () => {
        const desktop = await openApp({ locale, theme, viewport: DESKTOP });
        await login(desktop);
        await openBusyConversation(desktop);
        await screenshot(desktop, `vue-desktop-${theme}-${locale}`);
        const phone = await openApp({ locale, theme, viewport: PHONE });
        await login(phone);
        await screenshot(phone, `vue-phone-list-${theme}-${locale}`);
        await openBusyConversation(phone);
        await screenshot(phone, `vue-phone-chat-${theme}-${locale}`);
        expect(await phone.getByTestId('back-button').isVisible()).toBe(true);
      });
    }
  }
});
