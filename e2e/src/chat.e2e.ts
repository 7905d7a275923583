import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot, trackPageErrors } from './browser.js';
import { startServer, type RunningServer } from './server.js';

const PASSWORD = 'correct horse battery';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openApp(viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(server.url);
  return page;
}

async function register(page: Page, username: string, displayName: string): Promise<void> {
  await page.getByTestId('auth-mode-register').click();
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByTestId('auth-display-name').fill(displayName);
  await page.getByTestId('auth-submit').click();
  await expect.poll(() => page.getByTestId('me-name').textContent()).toContain(displayName);
}

async function login(page: Page, username: string): Promise<void> {
  await page.getByTestId('auth-mode-login').click();
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByTestId('auth-submit').click();
  await page.getByTestId('me-name').waitFor();
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
  await page.locator('[data-testid="message-item"][data-state="sent"]', { hasText: text }).waitFor();
}

function messageTexts(page: Page): Promise<string[]> {
  return page.getByTestId('message-text').allTextContents();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('two people become friends and chat in real time', () => {
  let alice: Page;
  let bob: Page;
  let aliceErrors: string[];
  let bobErrors: string[];

  it('alice and bob register in two browser contexts', async () => {
    alice = await openApp();
    bob = await openApp();
    aliceErrors = trackPageErrors(alice);
    bobErrors = trackPageErrors(bob);
    await screenshot(alice, 'desktop-login');
    await register(alice, 'alice', 'Alice Liddell');
    await register(bob, 'bob', 'Bob Builder');
  });

  it('alice finds bob and sends a friend request with a note; bob sees it live and accepts', async () => {
    await alice.getByTestId('tab-contacts').click();
    await alice.getByTestId('user-search-input').fill('bob');
    const result = alice.locator('[data-testid="user-search-result"][data-username="bob"]');
    await result.waitFor();
    await alice.getByTestId('request-note').fill('hi from alice');
    await result.getByTestId('user-add').click();

    await expect.poll(() => bob.getByTestId('requests-count').textContent()).toBe('1');
    await bob.getByTestId('tab-requests').click();
    const incoming = bob.locator('[data-testid="request-item"][data-direction="incoming"][data-status="pending"]');
    await expect.poll(() => incoming.textContent()).toContain('hi from alice');
    await incoming.getByTestId('request-accept').click();
    await bob.locator('[data-testid="request-item"][data-status="accepted"]').waitFor();

    await alice.locator('[data-testid="contact-item"][data-username="bob"]').waitFor();
    await alice.getByTestId('tab-requests').click();
    await alice.locator('[data-testid="request-item"][data-direction="outgoing"][data-status="accepted"]').waitFor();
  });

  it("bob's unread badge counts alice's messages while his conversation is closed", async () => {
    await bob.getByTestId('tab-chats').click();
    await alice.getByTestId('tab-contacts').click();
    await alice.locator('[data-testid="contact-item"][data-username="bob"]').click();
    await alice.getByTestId('conversation-header').waitFor();
    await send(alice, 'hello bob');
    await send(alice, 'are you there?');
    await send(alice, 'lunch at 12:30?');

    const row = bob.locator('[data-testid="conversation-item"][data-peer="alice"]');
    await expect.poll(() => row.getByTestId('conversation-unread').textContent()).toBe('3');
    await expect.poll(() => bob.getByTestId('unread-total').textContent()).toBe('3');
    expect(await row.getByTestId('conversation-preview').textContent()).toContain('lunch at 12:30?');
    await screenshot(bob, 'desktop-unread');
  });

  it('opening the conversation shows the messages in order and clears the badge', async () => {
    await bob.locator('[data-testid="conversation-item"][data-peer="alice"]').click();
    await expect.poll(() => messageTexts(bob)).toEqual(['hello bob', 'are you there?', 'lunch at 12:30?']);
    const row = bob.locator('[data-testid="conversation-item"][data-peer="alice"]');
    await expect.poll(() => row.getByTestId('conversation-unread').count()).toBe(0);
    await expect.poll(() => bob.getByTestId('unread-total').count()).toBe(0);

    await send(bob, 'sure, see you there');
    await expect.poll(() => messageTexts(alice)).toEqual(['hello bob', 'are you there?', 'lunch at 12:30?', 'sure, see you there']);
    // alice is looking at the conversation, so bob's reply is read at once and her badge stays clear.
    await expect.poll(() => alice.getByTestId('unread-total').count()).toBe(0);
    await screenshot(alice, 'desktop-conversation');
  });

  it('a reload keeps the session and the history', async () => {
    await bob.reload();
    await bob.getByTestId('me-name').waitFor();
    await bob.locator('[data-testid="conversation-item"][data-peer="alice"]').click();
    await expect.poll(() => messageTexts(bob)).toEqual(['hello bob', 'are you there?', 'lunch at 12:30?', 'sure, see you there']);
    await expect.poll(() => bob.getByTestId('unread-total').count()).toBe(0);
  });

  it('works on a phone-width window with back navigation', async () => {
    const phone = await openApp(PHONE);
    const phoneErrors = trackPageErrors(phone);
    await login(phone, 'bob');
    // bob's desktop tab goes back to the list, so nothing reads the next message there.
    await bob.reload();
    await bob.getByTestId('me-name').waitFor();
    expect(await bob.getByTestId('conversation-header').count()).toBe(0);
    await send(alice, 'phone check');
    await expect.poll(() => bob.getByTestId('unread-total').textContent()).toBe('1');
    const row = phone.locator('[data-testid="conversation-item"][data-peer="alice"]');
    await expect.poll(() => row.getByTestId('conversation-unread').textContent()).toBe('1');
    await screenshot(phone, 'phone-list');
    await row.click();
    await expect.poll(() => messageTexts(phone)).toContain('phone check');
    expect(await phone.getByTestId('composer-input').isVisible()).toBe(true);
    await screenshot(phone, 'phone-conversation');
    await phone.getByTestId('back-button').click();
    await row.waitFor();
    await expect.poll(() => row.getByTestId('conversation-unread').count()).toBe(0);
    // bob's desktop tab follows the read made on the phone.
    await expect.poll(() => bob.getByTestId('unread-total').count()).toBe(0);
    expect(phoneErrors).toEqual([]);
  });

  it("closes bob's open conversation when alice removes him, and offers no useless Retry", async () => {
    await bob.locator('[data-testid="conversation-item"][data-peer="alice"]').click();
    await bob.getByTestId('conversation-header').waitFor();
    await alice.getByTestId('tab-contacts').click();
    const contact = alice.locator('[data-testid="contact-item"][data-username="bob"]');
    await contact.getByTestId('contact-remove').click();
    await alice.getByTestId('contact-remove-confirm').click();
    await expect.poll(() => bob.getByTestId('conversation-header').count()).toBe(0);
    await expect.poll(() => bob.getByTestId('conversation-gone').textContent()).toContain('“Alice Liddell” is no longer available to you');
    await expect.poll(() => bob.locator('[data-testid="conversation-item"][data-peer="alice"]').count()).toBe(0);
    await expect.poll(() => alice.locator('[data-testid="contact-item"][data-username="bob"]').count()).toBe(0);
  });

  it('logging out in one tab logs out the other tab of the same browser', async () => {
    const second = await alice.context().newPage();
    await second.goto(server.url);
    await second.getByTestId('me-name').waitFor();
    await alice.getByTestId('logout').click();
    await alice.getByTestId('auth-submit').waitFor();
    await second.getByTestId('auth-submit').waitFor();
    expect(await second.getByTestId('me-name').count()).toBe(0);
  });

  it('no page errors happened', () => {
    expect(aliceErrors).toEqual([]);
    expect(bobErrors).toEqual([]);
  });
});
