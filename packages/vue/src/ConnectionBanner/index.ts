export { default as ConnectionBanner } from './ConnectionBanner.vue';
export type { ConnectionBannerEmits } from './ConnectionBanner.vue';
