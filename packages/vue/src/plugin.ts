// The theme's custom properties; imported here, beside the plugin every app uses, so bundlers keep it.
import './theme.css';
import { inject } from 'vue';
import type { App, InjectionKey } from 'vue';
import type { ChatClient } from '@confab/core';

/** Options of {@link ConfabPlugin}. */
export interface ConfabPluginOptions {
  /**
   * The headless client every component and composable talks to.
   * @example app.use(ConfabPlugin, { client: createChatClient({ url: '' }) })
   */
  client: ChatClient;
}

/** @internal The key the plugin provides the client under. */
export const chatClientKey: InjectionKey<ChatClient> = Symbol('confab.client');

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
  },
};

/** The client given to {@link ConfabPlugin}. Throws when the plugin was not installed. */
export function useChatClient(): ChatClient {
  const client = inject(chatClientKey, null);
  if (!client) throw new Error('useChatClient() needs app.use(ConfabPlugin, { client }) first');
  return client;
}
