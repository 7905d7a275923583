import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, screenshot } from './browser.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(['--demo']);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function loginAndOpen(page: Page, username: string, peer: string): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('auth-mode-login').click();
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill('confab-demo');
  await page.getByTestId('auth-submit').click();
  await page.locator(`[data-testid="conversation-item"][data-peer="${peer}"]`).click();
}

/** What the outbox keeps in localStorage (all users' lists, joined). */
const keptSends = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith('confab.outbox.'))
    .map((key) => localStorage.getItem(key))
    .join('');

const item = (page: Page, text: string) => page.locator('[data-testid="message-item"]', { hasText: text });

describe('the outbox in the web app', () => {
  it('keeps a send made offline through a page reload, then delivers it once', async () => {
    const aliceContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    const bobContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    const alice = await aliceContext.newPage();
    const bob = await bobContext.newPage();
    await loginAndOpen(alice, 'alice', 'bob');
    await loginAndOpen(bob, 'bob', 'alice');

    await aliceContext.setOffline(true);
    await alice.getByTestId('connection-banner').waitFor();
    await alice.getByTestId('composer-input').fill('written on the train');
    await alice.getByTestId('composer-input').press('Enter');
    await expect.poll(() => item(alice, 'written on the train').getAttribute('data-state')).toBe('sending');
    await screenshot(alice, 'outbox-offline-sending');
    expect(await alice.evaluate(keptSends)).toContain('written on the train');

    await alice.reload({ waitUntil: 'commit' }).catch(() => undefined); // offline: the reload itself may fail
    await aliceContext.setOffline(false);
    await alice.reload();
    await alice.locator('[data-testid="conversation-item"][data-peer="bob"]').click();
    await expect.poll(() => item(alice, 'written on the train').getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    await expect.poll(() => item(bob, 'written on the train').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(bob, 'outbox-delivered-once');
    expect(await item(alice, 'written on the train').count()).toBe(1);
    await expect.poll(() => alice.evaluate(keptSends)).toBe('');
    await aliceContext.close();
    await bobContext.close();
  });
});
