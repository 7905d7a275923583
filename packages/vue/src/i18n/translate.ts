/** A message with one form per plural category (`Intl.PluralRules`), e.g. `{ one: '{count} member', other: '{count} members' }`. */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** One translated string: text with `{name}` placeholders, or plural forms chosen by the `count` parameter. */
export type MessageText = string | PluralMessage;

/** Values put into a message's `{name}` placeholders; `count` also picks the plural form. */
export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;
const pluralRulesCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesCache.set(locale, rules);
  }
  return rules;
}

/**
 * Renders one message in `locale`: picks the plural form by `params.count` and fills `{name}`
 * placeholders (an unknown placeholder stays as written). The result is plain text, never HTML.
 * @internal
 */
export function renderMessage(text: MessageText, locale: string, params?: MessageParams): string {
  let template: string;
  if (typeof text === 'string') template = text;
  else {
    const count = Number(params?.count ?? 0);
    template = text[pluralRules(locale).select(count)] ?? text.other;
  }
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/** Locales whose script runs right to left. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb']);

/** `'rtl'` for right-to-left languages (Arabic, Hebrew, Persian, Urdu, ...), else `'ltr'`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr';
}

/**
 * The best of `available` for a wanted locale: the exact tag, then the same language
 * (`zh-TW` -> `zh-CN`, `fr-CA` -> `fr`), else `fallback`.
 * @internal
 */
export function matchLocale(wanted: string, available: readonly string[], fallback: string): string {
  const lower = wanted.toLowerCase();
  const exact = available.find((tag) => tag.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  return available.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? fallback;
}
