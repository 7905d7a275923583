export { default as ConversationList } from './ConversationList.vue';
export { default as ConversationListItem } from './ConversationListItem.vue';
export type { ConversationListEmits, ConversationListProps } from './ConversationList.vue';
export type { ConversationListItemEmits, ConversationListItemProps } from './ConversationListItem.vue';
