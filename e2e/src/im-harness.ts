import type { AuthResponse } from '@confab/protocol';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoPage, launchBrowser } from './browser.js';
import { openDevice, until, type Device } from './chaos/devices.js';
import { restCall } from './rest.js';
import { startServer, type RunningServer } from './server.js';

/** What the IM feature tests share: a demo server, Chromium, headless devices and REST, all closed after the file. */
export interface ImHarness {
  readonly url: string;
  /** A signed-in headless client of `auth`, connected with its list loaded. */
  device(auth: AuthResponse, name: string): Promise<Device>;
  /** A Chromium page signed in as `username` (password `confab-demo`). */
  loggedIn(username: string): Promise<Page>;
  rest<T>(method: string, path: string, token?: string, body?: unknown): Promise<T>;
  /** A new user with the demo password. */
  register(username: string, displayName: string): Promise<AuthResponse>;
  /** Makes two users friends; returns their conversation id. */
  befriend(a: AuthResponse, b: AuthResponse): Promise<string>;
}

/** Starts the server and the browser before the file's tests (call at the top level of a test file). */
export function imHarness(): ImHarness {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const devices: Device[] = [];
  beforeAll(async () => {
    server = await startServer(['--demo']);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const device of devices) device.client.logout();
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  const rest = <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => restCall<T>(server.url, method, path, token, body);
  return {
    get url() {
      return server.url;
    },
    async device(auth, name) {
      const opened = await openDevice(server.url, auth, name);
      devices.push(opened);
      await until(() => opened.client.getState().connection === 'connected' && opened.client.getState().conversations.loaded, 10_000, `${name} ready`);
      return opened;
    },
    loggedIn: (username) => demoPage(browser, server.url, username, contexts),
    rest,
    register: (username, displayName) => rest<AuthResponse>('POST', '/auth/register', undefined, { username, password: 'confab-demo', displayName }),
    async befriend(a, b) {
      const { request } = await rest<{ request: { id: string } }>('POST', '/requests', a.token, { kind: 'friend', targetId: b.user.id });
      await rest('POST', `/requests/${request.id}/accept`, b.token);
      const { friends } = await rest<{ friends: { conversationId: string; user: { id: string } }[] }>('GET', '/friends', a.token);
      return friends.find((friend) => friend.user.id === b.user.id)!.conversationId;
    },
  };
}
