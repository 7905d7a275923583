export { default as MessageBubble } from './MessageBubble.vue';
export type { MessageBubbleEmits, MessageBubbleProps } from './MessageBubble.vue';
export { default as LinkedText } from './LinkedText.js';
