export { default as TypingIndicator } from './TypingIndicator.vue';
export type { TypingIndicatorProps } from './TypingIndicator.vue';
