export { default as ConversationMenu } from './ConversationMenu.vue';
export type { ConversationMenuProps } from './ConversationMenu.vue';
export { default as UnreadIndicator } from './UnreadIndicator.vue';
export type { UnreadIndicatorProps } from './UnreadIndicator.vue';
