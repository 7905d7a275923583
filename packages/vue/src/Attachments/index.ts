export { default as FileCard } from './FileCard.vue';
export type { FileCardProps } from './FileCard.vue';
export { default as FileImage } from './FileImage.vue';
export type { FileImageEmits, FileImageProps } from './FileImage.vue';
export { default as FileMessageBody } from './FileMessageBody.vue';
export type { FileMessageBodyProps } from './FileMessageBody.vue';
export { default as ImagePreview } from './ImagePreview.vue';
export type { ImagePreviewEmits, ImagePreviewProps } from './ImagePreview.vue';
