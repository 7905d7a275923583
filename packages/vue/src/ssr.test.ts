// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createPinia } from 'pinia';
import { createFakeClient, directConversation, signedInState } from './test-utils/fakeClient.js';

describe('server-side rendering', () => {
  it('the package imports without window or document', async () => {
    expect(typeof window).toBe('undefined');
    const api = await import('./index.js');
    expect(api.ChatApp).toBeDefined();
  });

  it('ChatApp renders to a string for a signed-in user', async () => {
    const { ChatApp, ConfabPlugin } = await import('./index.js');
    const client = createFakeClient(
      signedInState({ conversations: { list: [directConversation({ unread: 2 })], unreadTotal: 2, loaded: true } }),
    );
    const app = createSSRApp({ render: () => h(ChatApp) });
    app.use(createPinia());
    app.use(ConfabPlugin, { client });
    const html = await renderToString(app);
    expect(html).toContain('data-testid="conversation-item"');
    expect(html).toContain('data-testid="unread-total"');
  });
});
