import { reactive } from 'vue';
import type { EmbedTheme } from '../src/protocol.js';

/** What the frame shows besides the chat: theme, locale and the sign-in status. */
export const ui = reactive({
  theme: 'auto' as EmbedTheme,
  /** The host's language tag; empty: the visitor's browser language. */
  locale: '',
  status: 'connecting' as 'connecting' | 'signed-in' | 'signed-out' | 'refused',
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
