import { en } from './en.js';
import type { LocaleMessages } from './types.js';

/**
 * The locales shipped with the package besides English, each loaded on first use (its own chunk), so
 * the first load carries English only.
 */
const loaders: Readonly<Record<string, () => Promise<LocaleMessages>>> = {
  'zh-CN': () => import('./zh-CN.js').then((module) => module.zhCN),
  ja: () => import('./ja.js').then((module) => module.ja),
  ko: () => import('./ko.js').then((module) => module.ko),
  es: () => import('./es.js').then((module) => module.es),
  fr: () => import('./fr.js').then((module) => module.fr),
  de: () => import('./de.js').then((module) => module.de),
  ar: () => import('./ar.js').then((module) => module.ar),
};

/** The language tags of the locales shipped with the package. */
export const builtinLocaleTags: readonly string[] = ['en', ...Object.keys(loaders)];

const loaded = new Map<string, LocaleMessages>([['en', en]]);
const loading = new Map<string, Promise<LocaleMessages>>();

/** A built-in locale's strings when loaded already, else undefined (see {@link loadLocale}). */
export function loadedLocale(tag: string): LocaleMessages | undefined {
  return loaded.get(tag);
}

/**
 * Loads a built-in locale's strings (once; later calls share the first). Unknown tags give an empty set.
 * @example await loadLocale('zh-CN') // before server rendering, or to switch without a flash of English
 */
export function loadLocale(tag: string): Promise<LocaleMessages> {
  const known = loaded.get(tag);
  if (known) return Promise.resolve(known);
  const loader = loaders[tag];
  if (!loader) return Promise.resolve({});
  let pending = loading.get(tag);
  if (!pending) {
    pending = loader().then((messages) => {
      loaded.set(tag, messages);
      return messages;
    });
    loading.set(tag, pending);
  }
  return pending;
}
