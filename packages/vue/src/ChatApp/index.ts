export { default as ChatApp } from './ChatApp.vue';
export type { ChatAppProps } from './ChatApp.vue';
export { default as ConversationPane } from './ConversationPane.vue';
export type { ConversationPaneEmits, ConversationPaneProps } from './ConversationPane.vue';
