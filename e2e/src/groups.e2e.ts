import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot, trackPageErrors } from './browser.js';
import { startServer, type RunningServer } from './server.js';

const PASSWORD = 'correct horse battery';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function rest<T = unknown>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await response.json()) as T;
}

async function registerUser(username: string, displayName: string): Promise<{ token: string; user: { id: string } }> {
  return rest('POST', '/auth/register', undefined, { username, password: PASSWORD, displayName });
}

async function openAs(username: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('auth-mode-login').click();
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByTestId('auth-submit').click();
  await page.getByTestId('me-name').waitFor();
  return page;
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
  await page.locator('[data-testid="message-item"][data-state="sent"]', { hasText: text }).waitFor();
}

const notices = (page: Page) => page.getByTestId('system-notice').allTextContents().then((texts) => texts.map((text) => text.trim()));
const texts = (page: Page) => page.getByTestId('message-text').allTextContents();
const groupRow = (page: Page) => page.locator('[data-testid="conversation-item"][data-group="proj-x"]');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const [alice, bob] = [await registerUser('alice', 'Alice'), await registerUser('bob', 'Bob')];
  await registerUser('carol', 'Carol');
  const request = await rest<{ request: { id: string } }>('POST', '/requests', alice.token, { kind: 'friend', targetId: bob.user.id });
  await rest('POST', `/requests/${request.request.id}/accept`, bob.token);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('a group from creation to a member leaving', () => {
  let alice: Page;
  let bob: Page;
  let carol: Page;
  const errors: string[][] = [];

  it('alice creates "proj-x" with bob; both see it with the created notice', async () => {
    [alice, bob, carol] = [await openAs('alice'), await openAs('bob'), await openAs('carol', PHONE)];
    errors.push(trackPageErrors(alice), trackPageErrors(bob), trackPageErrors(carol));
    await alice.getByTestId('tab-groups').click();
    await alice.getByTestId('group-name-input').fill('proj-x');
    await alice.getByTestId('pick-bob').check();
    await screenshot(alice, 'groups-desktop-create');
    await alice.getByTestId('create-group-submit').click();
    await expect.poll(() => alice.getByTestId('group-title').textContent()).toBe('proj-x');
    await expect.poll(() => notices(alice)).toEqual(['Alice created the group proj-x']);
    await groupRow(bob).waitFor();
  });

  it('carol finds the group and asks to join; alice approves from the requests list', async () => {
    await carol.getByTestId('tab-groups').click();
    await carol.getByTestId('group-search-input').fill('proj');
    await carol.locator('[data-testid="group-result"][data-group="proj-x"]').waitFor();
    await carol.getByTestId('group-join-note').fill('I have the Q3 numbers');
    await carol.getByTestId('group-join').click();
    await carol.getByTestId('group-asked').waitFor();
    await screenshot(carol, 'groups-phone-asked');

    await expect.poll(() => alice.getByTestId('requests-count').textContent()).toBe('1');
    await alice.getByTestId('tab-requests').click();
    const incoming = alice.locator('[data-testid="request-item"][data-kind="group"][data-status="pending"]');
    await expect.poll(() => incoming.textContent()).toContain('wants to join proj-x');
    expect(await incoming.textContent()).toContain('I have the Q3 numbers');
    await screenshot(alice, 'groups-desktop-request');
    await incoming.getByTestId('request-accept').click();
    await alice.locator('[data-testid="request-item"][data-kind="group"][data-status="accepted"]').waitFor();
  });

  it('all three chat in the group, live', async () => {
    await carol.getByTestId('tab-chats').click();
    await groupRow(carol).click();
    await expect.poll(() => notices(carol)).toEqual(['Alice created the group proj-x', 'Carol joined']);
    await alice.getByTestId('tab-chats').click();
    await groupRow(alice).click();
    await groupRow(bob).click();
    await send(alice, 'welcome carol');
    await send(bob, 'hi both');
    await send(carol, 'Q3 numbers attached');
    for (const page of [alice, bob, carol]) {
      await expect.poll(() => texts(page)).toEqual(['welcome carol', 'hi both', 'Q3 numbers attached']);
    }
    await expect.poll(() => alice.getByTestId('message-sender').allTextContents()).toEqual(['Bob', 'Carol']);
    await expect.poll(() => carol.getByTestId('message-sender').allTextContents()).toEqual(['Alice', 'Bob']);
    await expect.poll(() => alice.getByTestId('group-subtitle').textContent()).toContain('3 members');
    await alice.getByTestId('group-members-toggle').click();
    await expect.poll(() => alice.getByTestId('group-member').count()).toBe(3);
    await screenshot(alice, 'groups-desktop-chat');
    await screenshot(carol, 'groups-phone-chat');
  });

  it('carol leaves: the group leaves her list and the others see "Carol left"', async () => {
    await carol.getByTestId('group-members-toggle').click();
    await carol.getByTestId('group-leave').click();
    await carol.getByTestId('group-leave-confirm').click();
    await expect.poll(() => groupRow(carol).count()).toBe(0);
    await expect.poll(() => notices(bob)).toEqual(['Alice created the group proj-x', 'Carol joined', 'Carol left']);
    await expect.poll(() => alice.getByTestId('group-member').count()).toBe(2);
    await expect.poll(() => alice.getByTestId('group-subtitle').textContent()).toContain('2 members');
    await screenshot(alice, 'groups-desktop-after-leave');
    await screenshot(carol, 'groups-phone-after-leave');
    expect(errors.flat()).toEqual([]);
  });
});
