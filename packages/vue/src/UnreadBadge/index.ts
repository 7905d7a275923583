export { default as UnreadBadge } from './UnreadBadge.vue';
export type { UnreadBadgeProps } from './UnreadBadge.vue';
