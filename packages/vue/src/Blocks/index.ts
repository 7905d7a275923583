export { default as BlockToggle } from './BlockToggle.vue';
export type { BlockToggleProps } from './BlockToggle.vue';
export { default as BlockedBar } from './BlockedBar.vue';
export type { BlockedBarProps } from './BlockedBar.vue';
export { default as BlockedList } from './BlockedList.vue';
