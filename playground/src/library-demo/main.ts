// A host app that uses three @confab/vue pieces (ConversationList, MessageList, Composer) plus
// UnreadBadge in a layout of its own. Log in on `/` first: the session is kept in localStorage.
import { createChatClient } from '@confab/core';
import { ConfabPlugin } from '@confab/vue';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import LibraryDemo from './LibraryDemo.vue';

const client = createChatClient({ url: '', storage: window.localStorage });
createApp(LibraryDemo).use(createPinia()).use(ConfabPlugin, { client, theme: 'auto' }).mount('#app');
