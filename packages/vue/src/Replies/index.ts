export { default as QuoteBlock } from './QuoteBlock.vue';
export type { QuoteBlockEmits, QuoteBlockProps } from './QuoteBlock.vue';
export { default as ReplyBar } from './ReplyBar.vue';
export type { ReplyBarEmits, ReplyBarProps } from './ReplyBar.vue';
