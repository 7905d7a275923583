import { createPinia } from 'pinia';
import type { Plugin } from 'vue';
import { ConfabPlugin } from '../plugin.js';
import type { ConfabPluginOptions } from '../plugin.js';
import type { FakeClient } from './fakeClient.js';

/** `global` mounting options with a fresh pinia and the Confab plugin around `client` (English unless told). */
export function withClient(
  client: FakeClient,
  options: Omit<ConfabPluginOptions, 'client'> = {},
): { plugins: Array<Plugin | [Plugin, ...unknown[]]> } {
  return { plugins: [createPinia(), [ConfabPlugin as Plugin, { locale: 'en', ...options, client }]] };
}
