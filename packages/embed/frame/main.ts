import { createChatClient } from '@confab/core';
import { ConfabPlugin, useConfabStore } from '@confab/vue';
import { createPinia } from 'pinia';
import { createApp, ref } from 'vue';
import { createPortChannel, type PortChannel } from '../src/channel.js';
import type { HostEvents } from '../src/protocol.js';
import FrameApp from './FrameApp.vue';
import { forwardEvents } from './events.js';
import { allowedParentOrigin, connectToHost } from './host.js';
import { createFrameMethods } from './methods.js';
import { createHostSession } from './session.js';
import { setLocale, ui } from './ui.js';
import './frame.css';

// The page inside the iframe, served by the Confab server at /embed/ (same origin as the API).
let host: PortChannel | undefined;
const session = createHostSession({
  storage: window.localStorage,
  requestHostToken: () => (host ? host.request<string>('getToken') : Promise.reject(new Error('No host page'))),
});
const client = createChatClient({ url: '', getToken: () => session.getToken() });
const report = (error: unknown) => {
  const { code, message } = error as { code?: string; message?: string };
  host?.emit('error', { code: code ?? 'INTERNAL', message: message ?? String(error) });
};

async function signIn(): Promise<void> {
  ui.status = 'connecting';
  try {
    // A kept session the server refuses makes `resume` answer null; the second try exchanges a fresh host token.
    const user = (await client.resume()) ?? (await client.resume());
    ui.status = user ? 'signed-in' : 'signed-out';
    if (user) host?.emit('ready', { userId: user.id });
  } catch (error) {
    ui.status = 'signed-out';
    report(error);
  }
}

/** Whether the host shows the widget (a closed popup is hidden but its page still reports visible). */
const shown = ref(true);
const onHostEvent = (event: string, payload: unknown) => {
  if (event === 'visibility') shown.value = (payload as HostEvents['visibility']).visible === true;
};

const pinia = createPinia();
const app = createApp(FrameApp, { onSignIn: () => void signIn() });
app.use(pinia);
app.use(ConfabPlugin, { client, isVisible: shown, locale: () => ui.locale || undefined });
app.mount('#app');
const store = useConfabStore(pinia);

async function start(): Promise<void> {
  const parentOrigin = window.parent !== window ? allowedParentOrigin() : null;
  if (!parentOrigin) {
    ui.status = 'refused';
    return;
  }
  const { port, options } = await connectToHost(parentOrigin);
  const methods = createFrameMethods({ client, session, select: (id) => store.selectConversation(id), signIn });
  host = createPortChannel(port, methods, onHostEvent);
  shown.value = options.visible !== false;
  forwardEvents(client, host);
  if (options.theme) ui.theme = options.theme;
  if (options.locale) setLocale(options.locale);
  await signIn();
  if (ui.status === 'signed-in' && options.conversation) await Promise.resolve(methods.openConversation!(options.conversation as never)).catch(report);
}

void start();
