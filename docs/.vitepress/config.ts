import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'Confab',
  description: 'Open-source instant messaging for any web product',
  cleanUrls: true,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Protocol', link: '/protocol' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/guide/getting-started' },
          { text: 'Running the server', link: '/guide/server' },
          { text: 'PostgreSQL', link: '/guide/postgres' },
          { text: 'Deployment (Docker, Kubernetes, several nodes)', link: '/deployment' },
          { text: 'AI assistant', link: '/guide/ai' },
          { text: 'Headless SDK (@confab/core)', link: '/guide/core' },
          { text: 'Vue components (@confab/vue)', link: '/guide/vue' },
          { text: 'Delivery guarantees', link: '/guide/delivery' },
          { text: 'Groups', link: '/guide/groups' },
          { text: 'Recall, edit, reply, reactions, pin, mute, typing, search, notifications', link: '/guide/im-features' },
          { text: 'Embed by script tag (@confab/embed)', link: '/guide/embed' },
        ],
      },
      {
        text: 'Vue components',
        items: [
          { text: 'Overview', link: '/vue/' },
          { text: 'ChatApp', link: '/vue/chat-app' },
          { text: 'ConversationList', link: '/vue/conversation-list' },
          { text: 'MessageList', link: '/vue/message-list' },
          { text: 'MessageBubble', link: '/vue/message-bubble' },
          { text: 'Composer', link: '/vue/composer' },
          { text: 'ContactList', link: '/vue/contact-list' },
          { text: 'RequestList', link: '/vue/request-list' },
          { text: 'SearchPanel', link: '/vue/search-panel' },
          { text: 'GroupMembers', link: '/vue/group-members' },
          { text: 'UnreadBadge', link: '/vue/unread-badge' },
          { text: 'Avatar', link: '/vue/avatar' },
          { text: 'Composables and store', link: '/vue/composables' },
          { text: 'Languages (i18n)', link: '/vue/i18n' },
          { text: 'Themes', link: '/vue/themes' },
          { text: 'Accessibility', link: '/vue/accessibility' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'Wire protocol', link: '/protocol' },
          { text: 'Benchmarks', link: '/benchmarks' },
          { text: 'Contributing', link: '/contributing' },
        ],
      },
    ],
  },
});
