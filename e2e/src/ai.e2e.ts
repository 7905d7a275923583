import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chunked, startFakeOpenAI, type FakeOpenAI } from '../../packages/server/test/fake-openai.js';
import { DESKTOP, launchBrowser, screenshot, trackPageErrors } from './browser.js';
import { startServer, type RunningServer } from './server.js';

const SLOW_ANSWER = 'Streaming works: this answer arrives in many small pieces, one after another, so it grows on screen.';
const MARKDOWN_ANSWER = [
  '## A safe reply',
  '',
  'Some **bold** text, some *emphasis* and `inline code`.',
  '',
  '- a [good link](https://example.com/docs)',
  '- a [x](javascript:alert(1)) bad link',
  '',
  '<script>alert(1)</script>',
  '',
  '```ts',
  'const answer: number = 42; // a long line that should scroll horizontally instead of wrapping inside the bubble, yes',
  '```',
].join('\n');

let fake: FakeOpenAI;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openApp(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function signIn(page: Page, mode: 'register' | 'login', username: string, password: string): Promise<void> {
  await page.getByTestId(`auth-mode-${mode}`).click();
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill(password);
  await page.getByTestId('auth-submit').click();
  await page.getByTestId('me-name').waitFor();
}

async function openAssistant(page: Page): Promise<void> {
  await page.getByTestId('tab-contacts').click();
  await page.locator('[data-testid="contact-item"][data-username="assistant"]').click();
  await page.getByTestId('conversation-header').waitFor();
}

async function ask(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
  await page.locator('[data-testid="message-item"][data-state="sent"]', { hasText: text }).waitFor();
}

const lastReply = (page: Page) => page.getByTestId('ai-reply').last();

beforeAll(async () => {
  fake = await startFakeOpenAI({
    respond(request) {
      const question = request.messages.at(-1)?.content ?? '';
      if (question.includes('slowly')) return { steps: chunked(SLOW_ANSWER, 4, 40) };
      if (question.includes('stop')) return { steps: [...chunked('This reply will be stopped half way', 5, 60), { waitFor: 'never' }] };
      if (question.includes('markdown')) return { steps: chunked(MARKDOWN_ANSWER, 40, 10) };
      return { steps: [{ chunk: 'Hello!' }] };
    },
  });
  server = await startServer(['--ai-base-url', fake.url, '--ai-model', 'fake-model']);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

describe('the AI assistant in Chromium, against a loopback OpenAI-compatible provider', () => {
  let alice: Page;
  let errors: string[];
  let dialogs = 0;

  it('alice asks and the reply grows on screen', async () => {
    alice = await openApp(server.url);
    errors = trackPageErrors(alice);
    alice.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await signIn(alice, 'register', 'alice', 'correct horse battery');
    await openAssistant(alice);
    await ask(alice, 'Please answer slowly');

    const lengths = new Set<number>();
    let status: string | null = null;
    let sawIndicator = false;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      const reply = lastReply(alice);
      if ((await reply.count()) > 0) {
        status = await reply.getAttribute('data-status');
        const length = ((await reply.locator('.confab-md').textContent().catch(() => '')) ?? '').length;
        if (status === 'streaming') {
          if (length > 0) lengths.add(length);
          sawIndicator ||= (await reply.getByTestId('ai-generating').count()) > 0;
        }
        if (status === 'complete') break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(status).toBe('complete');
    expect(sawIndicator).toBe(true);
    // At least two different partial lengths were on screen before the end.
    expect([...lengths].filter((length) => length < SLOW_ANSWER.length).length).toBeGreaterThanOrEqual(2);
    expect(await lastReply(alice).textContent()).toBe(SLOW_ANSWER);
  });

  it('she stops a second reply: the partial text stays, marked stopped', async () => {
    await ask(alice, 'Tell me something, I will stop you');
    const reply = alice.getByTestId('ai-reply').nth(1);
    await expect.poll(async () => ((await reply.locator('.confab-md').textContent().catch(() => '')) ?? '').length, { timeout: 10_000 }).toBeGreaterThan(10);
    await screenshot(alice, 'ai-streaming');
    await reply.getByTestId('ai-stop').click();
    await expect.poll(() => reply.getAttribute('data-status')).toBe('stopped');
    const kept = (await reply.locator('.confab-md').textContent()) ?? '';
    expect('This reply will be stopped half way'.startsWith(kept)).toBe(true);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan('This reply will be stopped half way'.length);
    expect(await reply.getByTestId('ai-status').textContent()).toBe('Stopped');
    // After a reload the stored reply is still stopped with the same text.
    await alice.reload();
    await openAssistant(alice);
    await expect.poll(() => lastReply(alice).getAttribute('data-status')).toBe('stopped');
    expect(await lastReply(alice).locator('.confab-md').textContent()).toBe(kept);
  });

  it('renders a Markdown reply with raw <script> and a javascript: link inert', async () => {
    await ask(alice, 'Some markdown please');
    const reply = alice.getByTestId('ai-reply').nth(2);
    await expect.poll(() => reply.getAttribute('data-status'), { timeout: 10_000 }).toBe('complete');
    expect(await reply.locator('h2').textContent()).toBe('A safe reply');
    expect(await reply.locator('strong').first().textContent()).toBe('bold');
    expect(await reply.locator('pre code').textContent()).toContain('const answer: number = 42;');
    expect(await reply.textContent()).toContain('<script>alert(1)</script>');
    expect(await alice.locator('.confab-messages script').count()).toBe(0);
    const hrefs = await reply.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(['https://example.com/docs']);
    expect(await reply.locator('a').first().getAttribute('rel')).toBe('noopener noreferrer');
    // The code block scrolls instead of widening the bubble.
    const pre = await reply.locator('pre').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, overflow: getComputedStyle(element).overflowX }));
    expect(pre.overflow).toBe('auto');
    expect(pre.scroll).toBeGreaterThan(pre.client);
    await screenshot(alice, 'ai-markdown');
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the default demo start, with no provider configured', () => {
  it('the assistant answers at once with how to configure a provider', async () => {
    const demo = await startServer(['--demo']);
    try {
      const page = await openApp(demo.url);
      await signIn(page, 'login', 'alice', 'confab-demo');
      await openAssistant(page);
      await ask(page, 'Hello, are you a model?');
      const reply = lastReply(page);
      await expect.poll(() => reply.getAttribute('data-status')).toBe('complete');
      const text = (await reply.textContent()) ?? '';
      for (const name of ['CONFAB_AI_BASE_URL', 'CONFAB_AI_API_KEY', 'CONFAB_AI_MODEL']) expect(text).toContain(name);
      expect(fake.requests.every((request) => request.messages.at(-1)?.content !== 'Hello, are you a model?')).toBe(true);
      await screenshot(page, 'ai-not-configured');
    } finally {
      await demo.stop();
    }
  });
});
