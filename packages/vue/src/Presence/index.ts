export { default as PresenceStatus } from './PresenceStatus.vue';
export type { PresenceStatusProps } from './PresenceStatus.vue';
export { default as PresenceToggle } from './PresenceToggle.vue';
