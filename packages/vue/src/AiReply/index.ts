export { default as AiReply } from './AiReply.vue';
export type { AiReplyProps } from './AiReply.vue';
export { default as MarkdownView } from './MarkdownView.js';
export { isSafeHref, parseMarkdown } from './markdown.js';
export type { MarkdownBlock, MarkdownInline } from './markdown.js';
