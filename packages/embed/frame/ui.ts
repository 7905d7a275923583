import { reactive } from 'vue';
import type { EmbedTheme } from '../src/protocol.js';

/** What the frame shows besides the chat: theme, locale and the sign-in status. */
export const ui = reactive({
  theme: 'auto' as EmbedTheme,
  /** Kept for the i18n work; today it only sets the page language. */
  locale: 'en',
  status: 'connecting' as 'connecting' | 'signed-in' | 'signed-out' | 'refused',
  problem: '',
});

/** `auto` resolved with the visitor's system setting. */
export function resolvedTheme(theme: EmbedTheme): 'light' | 'dark' {
  if (theme !== 'auto') return theme;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function setLocale(locale: string): void {
  ui.locale = locale;
  document.documentElement.lang = locale;
}
