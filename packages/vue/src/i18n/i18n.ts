import { computed, inject, toValue } from 'vue';
import type { ComputedRef, InjectionKey, MaybeRefOrGetter } from 'vue';
import { en, type MessageKey } from './locales/en.js';
import { builtinLocales } from './locales/index.js';
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
 * Builds the i18n the components use: built-in locales merged with the host's `messages`.
 * @example const i18n = createConfabI18n({ locale: 'fr', messages: { fr: { 'composer.send': 'Go' } } })
 */
export function createConfabI18n(options: ConfabI18nOptions = {}): ConfabI18n {
  const catalog: Record<string, LocaleMessages> = { ...builtinLocales };
  for (const [tag, messages] of Object.entries(options.messages ?? {})) {
    catalog[tag] = { ...catalog[tag], ...messages };
  }
  const tags = Object.keys(catalog);
  const locale = computed(() => matchLocale(toValue(options.locale) ?? browserLocale(), tags, 'en'));
  const dir = computed(() => textDirection(locale.value));
  const timeZone = computed(() => toValue(options.timeZone) ?? viewerTimeZone());
  return {
    locale,
    dir,
    timeZone,
    t(key, params) {
      const current = locale.value;
      const text = catalog[current]?.[key] ?? catalog.en?.[key] ?? en[key] ?? key;
      return renderMessage(text, current, params);
    },
  };
}

let fallbackI18n: ConfabI18n | null = null;

/** The plugin's i18n, or English in the viewer's time zone when a component is used without the plugin. */
export function useI18n(): ConfabI18n {
  const provided = inject(i18nKey, null);
  if (provided) return provided;
  fallbackI18n ??= createConfabI18n({ locale: 'en' });
  return fallbackI18n;
}
