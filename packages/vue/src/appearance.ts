import { computed, inject, toValue } from 'vue';
import type { ComputedRef, InjectionKey, MaybeRefOrGetter } from 'vue';

/** The colour theme: light, dark, or `auto` (follows the system's `prefers-color-scheme`). */
export type ConfabTheme = 'light' | 'dark' | 'auto';

/** @internal The key the plugin provides the theme under. */
export const themeKey: InjectionKey<ComputedRef<ConfabTheme>> = Symbol('confab.theme');

/** The theme from the plugin's `theme` option, as a computed ref. */
export function createTheme(theme: MaybeRefOrGetter<ConfabTheme | undefined>): ComputedRef<ConfabTheme> {
  return computed(() => toValue(theme) ?? 'light');
}

/**
 * The theme the chat shows; put it on your own root as `data-theme` (with class `confab`) when you
 * use components without `ChatApp`. `'light'` when the plugin was given none.
 */
export function useConfabTheme(): ComputedRef<ConfabTheme> {
  return inject(themeKey, null) ?? computed(() => 'light');
}
