import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, demoPage, PHONE, launchBrowser, screenshot, trackPageErrors } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/** A 64x40 blue PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAoCAIAAADBrGu+AAAAPUlEQVR42u3PQQkAAAgEsEtiTiMayww+hcEKLNXzWgQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQELhb+nqzEUh10JAAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(`%PDF-1.4\n% confab e2e ${'x'.repeat(3000)}\n%%EOF\n`);
const HOSTILE_STYLE = `x.png');width:4000px;height:4000px;background:red;('.png`;
const HOSTILE_HTML = '<img src=x onerror=alert(1)>.png';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const loggedIn = (username: string): Promise<Page> => demoPage(browser, server.url, username, contexts, { acceptDownloads: true });

async function attach(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('composer-file').setInputFiles({ name, mimeType, buffer });
}

beforeAll(async () => {
  server = await startServer(['--demo']);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('images and files in Chromium', () => {
  let alice: Page;
  let bob: Page;
  let aliceErrors: string[];
  const dialogs: string[] = [];

  it('bob sends alice a PNG and a PDF; alice sees the thumbnail and the file card', async () => {
    alice = await loggedIn('alice');
    bob = await loggedIn('bob');
    aliceErrors = trackPageErrors(alice);
    for (const page of [alice, bob]) {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }
    await bob.locator('[data-testid="conversation-item"][data-peer="alice"]').click();
    await alice.locator('[data-testid="conversation-item"][data-peer="bob"]').click();

    await attach(bob, 'blue.png', 'image/png', PNG);
    await bob.locator('[data-testid="message-item"][data-state="sent"] [data-testid="message-image"] img').waitFor();
    await attach(bob, 'report.pdf', 'application/pdf', PDF);
    await bob.locator('[data-testid="message-item"][data-state="sent"] [data-testid="file-download"]').waitFor();

    const thumb = alice.locator('[data-testid="message-image"] img');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    const box = await alice.getByTestId('message-image').boundingBox();
    expect([box?.width, box?.height]).toEqual([128, 80]); // 64×40 scaled so its short side is 80 px
    const card = alice.getByTestId('message-file');
    await expect.poll(() => card.getByTestId('file-name').textContent()).toBe('report.pdf');
    expect(await card.getByTestId('file-size').textContent()).toBe('3 KB');
    await screenshot(alice, 'files-thumbnail-and-card');
  });

  it('alice opens the image full screen and closes it with Escape', async () => {
    await alice.getByTestId('message-image').click();
    await alice.getByTestId('image-preview').waitFor();
    expect(await alice.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('image-preview-close');
    // Full screen, opaque, and the 64×40 image scaled up to fill the space under the bar.
    expect(await alice.getByTestId('image-preview').boundingBox()).toEqual({ x: 0, y: 0, ...DESKTOP });
    expect(await alice.getByTestId('image-preview').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(11, 11, 12)');
    const shown = await alice.getByTestId('image-preview-img').evaluate((img: HTMLImageElement) => {
      const box = img.getBoundingClientRect();
      const scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
      return [img.naturalWidth, img.naturalHeight, Math.round(img.naturalWidth * scale), Math.round(img.naturalHeight * scale)];
    });
    expect(shown.slice(0, 2)).toEqual([64, 40]);
    // Height-bound on a 1280×800 screen: 800 minus the bar and margin, ×64/40.
    expect(shown[2]).toBeGreaterThan(1100);
    expect(shown[3]).toBeGreaterThan(700);
    const name = await alice.locator('[data-testid="message-image"] img').first().getAttribute('alt');
    expect(await alice.getByTestId('image-preview-name').textContent()).toBe(name);
    expect(await alice.getByTestId('image-preview-download').getAttribute('download')).toBe(name);
    await screenshot(alice, 'files-preview');
    await alice.keyboard.press('Escape');
    await alice.getByTestId('image-preview').waitFor({ state: 'detached' });
  });

  it('alice downloads the PDF byte-identical', async () => {
    const [download] = await Promise.all([alice.waitForEvent('download'), alice.getByTestId('file-download').click()]);
    expect(download.suggestedFilename()).toBe('report.pdf');
    const saved = readFileSync((await download.path()) as string);
    expect(sha256(saved)).toBe(sha256(PDF));
    expect(saved.equals(PDF)).toBe(true);
  });

  it('hostile file names render literally, leave the layout unchanged and run nothing', async () => {
    const list = alice.locator('.confab-pane__messages');
    const before = await list.boundingBox();
    await attach(bob, HOSTILE_STYLE, 'image/png', PNG);
    await attach(bob, HOSTILE_HTML, 'application/pdf', PDF);
    await expect.poll(() => alice.getByTestId('message-image').count()).toBe(2);
    await expect.poll(() => alice.getByTestId('file-name').allTextContents()).toEqual(['report.pdf', HOSTILE_HTML]);
    const hostileImage = alice.locator('[data-testid="message-image"] img').nth(1);
    await hostileImage.waitFor();
    expect(await hostileImage.getAttribute('alt')).toBe(HOSTILE_STYLE);
    const box = await alice.getByTestId('message-image').nth(1).boundingBox();
    expect([box?.width, box?.height]).toEqual([128, 80]); // 64×40 scaled so its short side is 80 px
    expect(await list.boundingBox()).toEqual(before);
    const redBackgrounds = await alice.evaluate(() => Array.from(document.querySelectorAll('*')).filter((element) => getComputedStyle(element).backgroundColor === 'rgb(255, 0, 0)').length);
    expect(redBackgrounds).toBe(0);
    await alice.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await screenshot(alice, 'files-hostile-names');
    expect(aliceErrors).toEqual([]);
  });

  it('on a phone a long file name wraps to two lines, with its size and Download in view', async () => {
    const LONG = 'quarterly-financial-report-for-the-board-meeting-2024-final-v3.pdf';
    await alice.setViewportSize(PHONE);
    try {
      await attach(bob, LONG, 'application/pdf', PDF);
      const card = alice.getByTestId('message-file').filter({ hasText: 'quarterly' });
      await card.waitFor();
      await card.scrollIntoViewIfNeeded();
      const name = await card.getByTestId('file-name').evaluate((element) => {
        const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 20;
        return { lines: Math.round(element.getBoundingClientRect().height / lineHeight), clipped: element.scrollHeight > element.clientHeight + 1 };
      });
      expect(name.lines).toBe(2);
      expect(name.clipped).toBe(true); // longer than two lines: the rest ends in an ellipsis
      const bubble = await alice.getByTestId('message-item').filter({ hasText: 'quarterly' }).boundingBox();
      for (const testId of ['file-size', 'file-download']) {
        const box = await card.getByTestId(testId).boundingBox();
        expect(box && bubble && box.x >= bubble.x && box.x + box.width <= bubble.x + bubble.width && box.height > 0).toBe(true);
      }
      await screenshot(alice, 'files-long-name-phone');
    } finally {
      await alice.setViewportSize(DESKTOP);
    }
  });
});
