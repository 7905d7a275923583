export { default as Composer } from './Composer.vue';
export type { ComposerEmits, ComposerProps } from './Composer.vue';
