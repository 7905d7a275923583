export { default as EmojiButton } from './EmojiButton.vue';
export type { EmojiButtonEmits, EmojiButtonProps } from './EmojiButton.vue';
