import { signHostToken } from '@confab/server';
import type { AuthResponse, Message } from '@confab/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, trackPageErrors } from './browser.js';
import { HOST_APP, HOST_ORIGIN, THIRD_ORIGIN, startHostSites, type HostSites } from './host-site.js';
import { startServer, type RunningServer } from './server.js';

const embedArgs = ['--embed-origins', HOST_ORIGIN, '--embed-apps', `${HOST_APP.appId}:${HOST_APP.secret}`, '--dm-policy', 'anyone'];
let confab: RunningServer;
let sites: HostSites;
let browser: Browser;
const contexts: BrowserContext[] = [];
const sockets: Socket[] = [];

type HostEvent = [string, Record<string, unknown>];
const hostEvents = (page: Page, name: string) =>
  page.evaluate((event) => (window as unknown as { hostLog: { events: HostEvent[] } }).hostLog.events.filter(([n]) => n === event).map(([, p]) => p), name);
const tokenCalls = (page: Page) => page.evaluate(() => (window as unknown as { hostLog: { tokenCalls: number } }).hostLog.tokenCalls);
const lastUnread = async (page: Page) => (await hostEvents(page, 'unread')).at(-1)?.total;
const widgetFrame = (page: Page) => page.frameLocator('iframe[title="Chat"]');

async function openHost(server: string, options: { viewport?: typeof DESKTOP; mode?: string; context?: BrowserContext } = {}) {
  const context = options.context ?? (await browser.newContext({ viewport: options.viewport ?? DESKTOP, locale: 'en-US' }));
  if (!options.context) contexts.push(context);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(`${HOST_ORIGIN}/?server=${encodeURIComponent(server)}&mode=${options.mode ?? 'popup'}`);
  await expect.poll(() => hostEvents(page, 'ready'), { timeout: 15_000 }).toHaveLength(1);
  return { context, page, errors, userId: (await hostEvents(page, 'ready'))[0]!.userId as string };
}

/** Another host user (a seller) signed in over the API with a socket, as a second person would be. */
async function hostUser(server: string, id: string, name: string) {
  const token = await signHostToken({ ...HOST_APP, userId: id, name });
  const response = await fetch(`${server}/api/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  const auth = (await response.json()) as AuthResponse;
  const socket = io(server, { auth: { token: auth.token }, transports: ['websocket'], forceNew: true });
  sockets.push(socket);
  await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
  let counter = 0;
  const send = async (to: string, text: string): Promise<Message> => {
    const ack = await socket.emitWithAck('message:send', { to, clientMsgId: `${id}-${Date.now()}-${++counter}`, type: 'text', content: { text } });
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    return ack.message as Message;
  };
  return { auth, send };
}

beforeAll(async () => {
  [confab, sites, browser] = await Promise.all([startServer(embedArgs), startHostSites(), launchBrowser()]);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  for (const context of contexts) await context.close();
  await browser?.close();
  await sites?.close();
  await confab?.stop();
});

describe('the widget embedded by a page of another origin', () => {
  let host: Awaited<ReturnType<typeof openHost>>;
  let seller: Awaited<ReturnType<typeof hostUser>>;

  it('mounts as a popup, shakes hands and signs the visitor in with the host token', async () => {
    host = await openHost(confab.url);
    const { page } = host;
    expect(await tokenCalls(page)).toBe(1);
    await expect.poll(() => lastUnread(page)).toBe(0);
    await page.locator('[data-confab="launcher"]').waitFor();
    expect(await page.locator('.cfb-p').isHidden()).toBe(true);
    await expect.poll(() => widgetFrame(page).getByTestId('me-name').textContent()).toBe('Vera Visitor');
    expect(await page.locator('iframe[title="Chat"]').getAttribute('src')).toBe(`${confab.url}/embed/#origin=${encodeURIComponent(HOST_ORIGIN)}`);
  });

  it('a seller who is not a friend writes; the host gets message events and the unread total, the badge shows it', async () => {
    seller = await hostUser(confab.url, 'seller-7', 'Sam Seller');
    await seller.send(host.userId, 'Hi! The bicycle is still available.');
    await seller.send(host.userId, 'I can deliver on Saturday.');
    await expect.poll(() => lastUnread(host.page)).toBe(2);
    // Each event reaches the host page as a task of its own: the summaries may land just after the total.
    await expect
      .poll(async () => (await hostEvents(host.page, 'message')).map((message) => [message.senderName, message.preview]))
      .toEqual([
        ['Sam Seller', 'Hi! The bicycle is still available.'],
        ['Sam Seller', 'I can deliver on Saturday.'],
      ]);
    expect(await host.page.locator('[data-confab="badge"]').textContent()).toBe('2');
  });

  it('after a reload the widget is signed in again without cookies, and the unread total is the server’s', async () => {
    await host.page.reload();
    await expect.poll(() => hostEvents(host.page, 'ready'), { timeout: 15_000 }).toHaveLength(1);
    await expect.poll(() => hostEvents(host.page, 'unread')).toEqual([{ total: 2 }]);
    expect(await host.page.locator('[data-confab="badge"]').textContent()).toBe('2');
    expect(await host.context.cookies()).toEqual([]);
  });

  it('ignores forged messages from a third origin, sent to the host and to the widget', async () => {
    const { page } = host;
    const bobToken = await signHostToken({ ...HOST_APP, userId: 'bob', name: 'Bob Intruder' });
    const third = page.frame({ url: `${THIRD_ORIGIN}/ad.html` });
    expect(third).not.toBeNull();
    const before = (await page.evaluate(() => (window as unknown as { hostLog: { events: unknown[] } }).hostLog.events.length));
    const targets = await third!.evaluate((token) => (window as unknown as { attack(token: string): number }).attack(token), bobToken);
    expect(targets).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(await third!.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
    expect(page.url()).toBe(`${HOST_ORIGIN}/?server=${encodeURIComponent(confab.url)}&mode=popup`);
    expect(host.context.pages()).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { hostLog: { events: unknown[] } }).hostLog.events.length)).toBe(before);
    expect(await page.locator('.cfb-p').isHidden()).toBe(true);
    expect(await tokenCalls(page)).toBe(1);
    await page.locator('[data-confab="launcher"]').click();
    expect(await widgetFrame(page).getByTestId('me-name').textContent()).toBe('Vera Visitor');
    await page.locator('[data-confab="launcher"]').click();
  });

  it('the host opens the conversation by user id; the popup shows it and the unread total drops to 0', async () => {
    const { page } = host;
    const opensBefore = (await hostEvents(page, 'open')).length;
    const opened = await page.evaluate((userId) => (window as unknown as { widget: { openConversation(id: string): Promise<{ conversationId: string }> } }).widget.openConversation(userId), seller.auth.user.id);
    expect(opened.conversationId).toMatch(/^c_/);
    expect((await hostEvents(page, 'open')).length).toBe(opensBefore + 1);
    expect(await page.locator('.cfb-p').isVisible()).toBe(true);
    const frame = widgetFrame(page);
    await expect.poll(() => frame.getByTestId('message-text').allTextContents()).toEqual(['Hi! The bicycle is still available.', 'I can deliver on Saturday.']);
    await expect.poll(() => lastUnread(page)).toBe(0);
    await frame.getByTestId('composer-input').fill('Great, Saturday works for me.');
    await frame.getByTestId('composer-input').press('Enter');
    await frame.locator('[data-testid="message-item"][data-state="sent"]', { hasText: 'Saturday works' }).waitFor();
    await screenshot(page, 'embed-popup-desktop');
    const panel = await page.locator('.cfb-p').boundingBox();
    expect(panel).toMatchObject({ width: 380 });
    expect(host.errors).toEqual([]);
  });

  it('messages arriving while the popup is closed stay unread; opening it again reads them', async () => {
    const { page } = host;
    const widget = (method: 'hide' | 'show') => page.evaluate((name) => (window as unknown as { widget: Record<string, () => void> }).widget[name]!(), method);
    await widget('hide');
    expect(await page.locator('.cfb-p').isHidden()).toBe(true);
    await seller.send(host.userId, 'Are you still there?');
    await expect.poll(() => lastUnread(page)).toBe(1);
    // Time for a wrong read mark to reach the server and come back as unread 0.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await lastUnread(page)).toBe(1);
    expect(await page.locator('[data-confab="badge"]').textContent()).toBe('1');
    await widget('show');
    await expect.poll(() => lastUnread(page)).toBe(0);
    expect(await page.locator('[data-confab="badge"]').textContent()).toBe('');
  });

  it('on a phone the popup is full screen', async () => {
    const phone = await openHost(confab.url, { viewport: PHONE });
    await phone.page.locator('[data-confab="launcher"]').click();
    await phone.page.evaluate((userId) => (window as unknown as { widget: { openConversation(id: string): Promise<unknown> } }).widget.openConversation(userId), seller.auth.user.id);
    const frame = widgetFrame(phone.page);
    await frame.locator('[data-testid="message-item"][data-state="sent"]', { hasText: 'Saturday works' }).waitFor();
    expect(await phone.page.locator('.cfb-p').boundingBox()).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    await screenshot(phone.page, 'embed-popup-phone');
    await phone.page.locator('[data-confab="launcher"]').click();
    await expect.poll(() => hostEvents(phone.page, 'close')).toHaveLength(1);
  });

  it('mounts inline in a host element; open group answers NOT_FOUND through the protocol', async () => {
    const inline = await openHost(confab.url, { mode: 'inline' });
    const box = await inline.page.locator('#inline iframe').boundingBox();
    expect(box).toMatchObject({ width: 420, height: 560 });
    const refused = await inline.page.evaluate(() =>
      (window as unknown as { widget: { openGroup(id: string): Promise<unknown> } }).widget.openGroup('g_1').catch((error: unknown) => error),
    );
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    await inline.page.evaluate(() => (window as unknown as { widget: { setTheme(theme: string): Promise<void> } }).widget.setTheme('dark'));
    await expect.poll(() => widgetFrame(inline.page).getByTestId('embed-root').getAttribute('class')).toContain('confab-embed--dark');
    await screenshot(inline.page, 'embed-inline-dark');
  });
});

describe('the data-attribute form', () => {
  it('mounts from the script tag alone and signs the visitor in through the token URL', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(`${HOST_ORIGIN}/?server=${encodeURIComponent(confab.url)}&mode=attributes`);
    const box = await page.locator('#inline iframe').boundingBox();
    expect(box).toMatchObject({ width: 420, height: 560 });
    await expect.poll(() => widgetFrame(page).getByTestId('me-name').textContent(), { timeout: 15_000 }).toBe(sites.user.name);
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('an expiring session', () => {
  it('is renewed through the host’s getToken, and messages keep arriving', async () => {
    const shortLived = await startServer([...embedArgs, '--token-ttl', '3']);
    try {
      const visitor = await openHost(shortLived.url);
      expect(await tokenCalls(visitor.page)).toBe(1);
      await expect.poll(() => tokenCalls(visitor.page), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      // The sender's own session lives 3 seconds too: sign in and send at once.
      const sender = await hostUser(shortLived.url, 'seller-9', 'Sue Seller');
      await sender.send(visitor.userId, 'Are you still there?');
      await expect.poll(() => lastUnread(visitor.page), { timeout: 10_000 }).toBe(1);
      await expect
        .poll(async () => (await hostEvents(visitor.page, 'message')).at(-1), { timeout: 5_000 })
        .toMatchObject({ senderName: 'Sue Seller', preview: 'Are you still there?' });
      expect(await hostEvents(visitor.page, 'error')).toEqual([]);
    } finally {
      await shortLived.stop();
    }
  });
});
