/**
 * `pnpm bench:vue`: the time @confab/vue takes to apply one incoming message to rendered lists of
 * 3,000 conversations and a 10,000-message conversation, in Chromium against a real server (seeded
 * through its store). Measured in the page: from the socket frame carrying `message:new` to the frame
 * after the new message row and the moved conversation row are in the DOM (the core's reducers, Vue's
 * patch of both virtual lists, and layout). Prints medians and p95 over SAMPLES messages.
 */
import { createChatClient } from '../packages/core/dist/index.js';
import { launchBrowser, DESKTOP } from '../e2e/src/browser.js';
import { BIG_PASSWORD, startBigChat } from '../e2e/src/big-chat.js';
import { loadEveryMessage, loginViewer, nodesUnder, openBusyConversation } from '../e2e/src/big-chat-page.js';

const SAMPLES = Number(process.env.SAMPLES ?? 30);
const log = (text: string): void => void process.stdout.write(`${text}\n`);

const chat = await startBigChat(Number(process.env.CONVERSATIONS ?? 3000), Number(process.env.MESSAGES ?? 10_000));
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  // tsx keeps function names with a `__name` helper that functions sent to the page would miss.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  // Notes when a socket frame with a new message arrives, before any of our code sees it.
  await context.addInitScript(() => {
    const marks: number[] = [];
    (window as unknown as { __frames: number[] }).__frames = marks;
    const NativeWebSocket = window.WebSocket;
    window.WebSocket = class extends NativeWebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        this.addEventListener('message', (event) => {
          if (typeof event.data === 'string' && event.data.includes('"message:new"')) marks.push(performance.now());
        });
      }
    } as typeof WebSocket;
  });
  const page = await context.newPage();
  await loginViewer(page, chat);
  await openBusyConversation(page, chat);
  const started = performance.now();
  const pages = await loadEveryMessage(page);
  log(`loaded ${chat.messageCount + 1} messages in ${pages} pages (${Math.round(performance.now() - started)} ms)`);

  // Read at the bottom, where new messages arrive in view.
  await page.getByTestId('jump-to-latest').click();
  await page.waitForTimeout(300);

  const sender = createChatClient({ url: chat.server.url });
  await sender.login(chat.busyFriend.username, BIG_PASSWORD);
  log('sender logged in');
  const samples: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const text = `bench message ${index} ${Date.now()}`;
    const applied = page.evaluate(
      ([wanted, peer]) =>
        new Promise<number>((resolve) => {
          const done = () => {
            const row = Array.from(document.querySelectorAll('[data-testid="message-text"]')).some((node) => node.textContent === wanted);
            const preview = document.querySelector(`[data-peer="${peer}"] [data-testid="conversation-preview"]`)?.textContent === wanted;
            return row && preview;
          };
          const observer = new MutationObserver(() => {
            if (!done()) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
      [text, chat.busyFriend.username] as const,
    );
    await page.waitForTimeout(30);
    await sender.sendText(chat.busyFriend.conversationId, text);
    const appliedAt = await applied;
    const frameAt = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.at(-1) ?? 0);
    samples.push(appliedAt - frameAt);
  }
  sender.logout();
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p95 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]!;
  log(`apply one incoming message (${chat.conversationCount} conversations, ${chat.messageCount + 1} messages loaded): median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${SAMPLES}`);
  log(`DOM nodes: conversation list ${await nodesUnder(page, '.confab-conversations')}, message list ${await nodesUnder(page, '[data-testid="message-scroller"]')}`);
} finally {
  await browser.close();
  await chat.stop();
}
