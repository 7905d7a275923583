// The theme's custom properties; imported here, beside the plugin every app uses, so bundlers keep it.
import './theme.css';
import { inject, ref } from 'vue';
import type { App, InjectionKey, MaybeRefOrGetter, Ref } from 'vue';
import type { ChatClient } from '@confab/core';
import { createConfabI18n, i18nKey } from './i18n/i18n.js';
import type { ConfabI18nOptions } from './i18n/i18n.js';
import { createTheme, themeKey } from './appearance.js';
import type { ConfabTheme } from './appearance.js';

/** Options of {@link ConfabPlugin}: the client, and the language, strings and time zone (see {@link ConfabI18nOptions}). */
export interface ConfabPluginOptions extends ConfabI18nOptions {
  /**
   * The headless client every component and composable talks to.
   * @example app.use(ConfabPlugin, { client: createChatClient({ url: '' }) })
   */
  client: ChatClient;
  /**
   * Whether the chat is on screen. A conversation is marked read only while this is true and the
   * page is visible: hosts that hide the chat without hiding the page (an embed's popup closed,
   * a collapsed panel) set it to false, so messages arriving meanwhile stay unread.
   * @default ref(true)
   * @example app.use(ConfabPlugin, { client, isVisible: ref(false) })
   */
  isVisible?: Readonly<Ref<boolean>>;
  /**
   * The colour theme: `'light'`, `'dark'`, or `'auto'` (the system's preference). A ref switches live.
   * @default 'light'
   * @example app.use(ConfabPlugin, { client, theme: 'auto' })
   */
  theme?: MaybeRefOrGetter<ConfabTheme | undefined>;
}

/** @internal The key the plugin provides the client under. */
export const chatClientKey: InjectionKey<ChatClient> = Symbol('confab.client');

/** @internal The key the plugin provides the chat's visibility under. */
export const chatVisibleKey: InjectionKey<Readonly<Ref<boolean>>> = Symbol('confab.visible');

/**
 * Makes a {@link ChatClient} available to every Confab component and composable of the app.
 * @example
 * app.use(createPinia());
 * app.use(ConfabPlugin, { client });
 */
export const ConfabPlugin = {
  install(app: App, options: ConfabPluginOptions): void {
    if (!options?.client) throw new Error('ConfabPlugin needs a client: app.use(ConfabPlugin, { client })');
    app.provide(chatClientKey, options.client);
    app.provide(chatVisibleKey, options.isVisible ?? ref(true));
    app.provide(i18nKey, createConfabI18n(options));
    app.provide(themeKey, createTheme(options.theme));
  },
};

/** The client given to {@link ConfabPlugin}. Throws when the plugin was not installed. */
export function useChatClient(): ChatClient {
  const client = inject(chatClientKey, null);
  if (!client) throw new Error('useChatClient() needs app.use(ConfabPlugin, { client }) first');
  return client;
}

/**
 * Whether the chat is being looked at: the plugin's `isVisible` and the page's own visibility.
 * `shown` is reactive; the page's visibility is not (listen to `visibilitychange`).
 */
export function useChatVisible(): { shown: Readonly<Ref<boolean>>; isVisible: () => boolean } {
  const shown = inject(chatVisibleKey, null) ?? ref(true);
  return {
    shown,
    isVisible: () => shown.value && (typeof document === 'undefined' || document.visibilityState !== 'hidden'),
  };
}
