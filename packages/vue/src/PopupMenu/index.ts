export { default as PopupMenu } from './PopupMenu.vue';
export type { PopupMenuProps } from './PopupMenu.vue';
export { useMenuAction } from './useMenuAction.js';
