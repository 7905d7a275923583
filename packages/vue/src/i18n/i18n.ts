import { computed, inject, shallowRef, toValue, watch } from 'vue';
import type { ComputedRef, InjectionKey, MaybeRefOrGetter } from 'vue';
import { en, type MessageKey } from './locales/en.js';
import { builtinLocaleTags, loadedLocale, loadLocale } from './locales/index.js';
import { matchLocale, renderMessage, textDirection } from './translate.js';
import type { MessageParams } from './translate.js';
import type { LocaleMessages } from './locales/types.js';

export type { LocaleMessages };

/** Options of the chat's language and clock, given to `ConfabPlugin` or {@link createConfabI18n}. */
export interface ConfabI18nOptions {
  /**
   * The language tag to show (`'en'`, `'zh-CN'`, `'ar'`, or one added in `messages`). A ref switches live.
   * An unknown tag falls back to the same language, then to English.
   * @default the browser's `navigator.language`, else `'en'`
   * @example app.use(ConfabPlugin, { client, locale: ref('zh-CN') })
   */
  locale?: MaybeRefOrGetter<string | undefined>;
  /**
   * Strings that override the built-in ones, or a whole new locale, by language tag.
   * @example messages: { en: { 'composer.send': 'Post' }, it: { 'composer.send': 'Invia' } }
   */
  messages?: Readonly<Record<string, LocaleMessages>>;
  /**
   * The IANA time zone day separators and times are computed in.
   * @default the viewer's own (`Intl.DateTimeFormat().resolvedOptions().timeZone`)
   */
  timeZone?: MaybeRefOrGetter<string | undefined>;
}

/** The chat's language, direction, time zone and translator. */
export interface ConfabI18n {
  /** The locale in use (one of the known ones). */
  readonly locale: ComputedRef<string>;
  /** `'rtl'` for right-to-left locales; set as `dir` on the chat's root. */
  readonly dir: ComputedRef<'ltr' | 'rtl'>;
  /** The IANA time zone used for calendar days. */
  readonly timeZone: ComputedRef<string>;
  /** The string for `key` in the current locale (English when missing there), placeholders filled. */
  t(key: MessageKey, params?: MessageParams): string;
  /** Settles once the current locale's strings are loaded (built-in locales other than English load on first use). */
  readonly ready: Promise<void>;
}

/** @internal The key the plugin provides the i18n under. */
export const i18nKey: InjectionKey<ConfabI18n> = Symbol('confab.i18n');

function browserLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Builds the i18n the components use: built-in locales (English at once, the others loaded on first
 * use) under the host's `messages`.
 * @example const i18n = createConfabI18n({ locale: 'fr', messages: { fr: { 'composer.send': 'Go' } } })
 */
export function createConfabI18n(options: ConfabI18nOptions = {}): ConfabI18n {
  const hostMessages = options.messages ?? {};
  const tags = [...new Set([...builtinLocaleTags, ...Object.keys(hostMessages)])];
  const locale = computed(() => matchLocale(toValue(options.locale) ?? browserLocale(), tags, 'en'));
  const dir = computed(() => textDirection(locale.value));
  const timeZone = computed(() => toValue(options.timeZone) ?? viewerTimeZone());
  /** Built-in strings of each locale loaded so far (a new object per load, so translations re-render). */
  const builtins = shallowRef<Record<string, LocaleMessages>>({});
  const take = (tag: string, messages: LocaleMessages): void => {
    if (builtins.value[tag] !== messages) builtins.value = { ...builtins.value, [tag]: messages };
  };
  let ready: Promise<void> = Promise.resolve();
  watch(
    locale,
    (tag) => {
      const known = loadedLocale(tag);
      if (known) take(tag, known);
      else ready = loadLocale(tag).then((messages) => take(tag, messages));
    },
    { immediate: true, flush: 'sync' },
  );
  return {
    locale,
    dir,
    timeZone,
    get ready() {
      return ready;
    },
    t(key, params) {
      const current = locale.value;
      const builtin = builtins.value[current] ?? loadedLocale(current);
      const text = hostMessages[current]?.[key] ?? builtin?.[key] ?? hostMessages.en?.[key] ?? en[key] ?? key;
      return renderMessage(text, current, params);
    },
  };
}

/** @internal A component's translator, as `useI18n().t`. */
export type Translate = ConfabI18n['t'];

/** @internal The English string for `key`: the default of helpers that take a translator. */
export const englishText: Translate = (key, params) => renderMessage(en[key], 'en', params);

let fallbackI18n: ConfabI18n | null = null;

/** The plugin's i18n, or English in the viewer's time zone when a component is used without the plugin. */
export function useI18n(): ConfabI18n {
  const provided = inject(i18nKey, null);
  if (provided) return provided;
  fallbackI18n ??= createConfabI18n({ locale: 'en' });
  return fallbackI18n;
}
