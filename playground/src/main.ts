import { createChatClient, keyValueOutbox } from '@confab/core';
import { ConfabPlugin } from '@confab/vue';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
// Component styles come with the @confab/vue sources (built from the workspace).
import './global.css';

// The server serves this app at `/`, so REST and socket.io live on the same origin.
// Unacknowledged sends are kept in localStorage too: they survive a reload and are re-sent.
const client = createChatClient({ url: '', storage: window.localStorage, outbox: keyValueOutbox(window.localStorage) });

// Logging out in one tab logs out the other tabs of this browser too.
window.addEventListener('storage', (event) => {
  if (event.key === 'confab.session' && event.newValue === null && client.getState().me) client.logout();
});

// `?locale=ar&theme=dark` picks the language and theme (else the browser's language, the light theme).
const params = new URLSearchParams(window.location.search);
const theme = params.get('theme');

const app = createApp(App);
app.use(createPinia());
app.use(ConfabPlugin, {
  client,
  locale: params.get('locale') ?? undefined,
  theme: theme === 'dark' || theme === 'auto' || theme === 'light' ? theme : undefined,
});
app.mount('#app');
