export { default as MessageList } from './MessageList.vue';
export type { MessageListEmits, MessageListProps } from './MessageList.vue';
