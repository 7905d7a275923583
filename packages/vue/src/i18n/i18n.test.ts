import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { createConfabI18n } from './i18n.js';
import { en } from './locales/en.js';
import { builtinLocales } from './locales/index.js';
import { matchLocale, renderMessage, textDirection } from './translate.js';

describe('built-in locales', () => {
  it('ships en, zh-CN, ja, ko, es, fr, de and ar', () => {
    expect(Object.keys(builtinLocales).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'ko', 'zh-CN']);
  });

  it.each(Object.keys(builtinLocales))('%s has every English key, and no key English lacks', (tag) => {
    const messages = builtinLocales[tag]!;
    const missing = Object.keys(en).filter((key) => !(key in messages));
    const unknown = Object.keys(messages).filter((key) => !(key in en));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it.each(Object.keys(builtinLocales))('%s keeps every {placeholder} of the English string', (tag) => {
    const placeholders = (text: unknown) => [...JSON.stringify(text).matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const messages = builtinLocales[tag]!;
    for (const [key, english] of Object.entries(en)) {
      const wanted = new Set(placeholders(english));
      const got = new Set(placeholders(messages[key as keyof typeof en]));
      // Plural forms may spell a count out ("one message"), so only extra placeholders are wrong.
      for (const name of got) expect(wanted.has(name), `${tag} ${key} {${name}}`).toBe(true);
    }
  });
});

describe('createConfabI18n', () => {
  it('translates with placeholders and plural forms per locale', () => {
    const english = createConfabI18n({ locale: 'en' });
    expect(english.t('messages.newBelow', { count: 1 })).toBe('1 new message');
    expect(english.t('messages.newBelow', { count: 1200 })).toBe('1,200 new messages');
    const arabic = createConfabI18n({ locale: 'ar' });
    expect(arabic.t('messages.newBelow', { count: 2 })).toBe('رسالتان جديدتان');
    expect(arabic.t('messages.newBelow', { count: 5 })).toBe('5 رسائل جديدة');
    expect(createConfabI18n({ locale: 'zh-CN' }).t('messages.newBelow', { count: 3 })).toBe('3 条新消息');
  });

  it('falls back from a region to its language, and to English for an unknown language', () => {
    expect(createConfabI18n({ locale: 'fr-CA' }).locale.value).toBe('fr');
    expect(createConfabI18n({ locale: 'zh-TW' }).locale.value).toBe('zh-CN');
    expect(createConfabI18n({ locale: 'sw' }).locale.value).toBe('en');
  });

  it('lets the host override any string and add a locale; missing keys of a new locale show English', () => {
    const i18n = createConfabI18n({
      locale: 'it',
      messages: { en: { 'composer.send': 'Post' }, it: { 'composer.send': 'Invia', 'time.today': 'Oggi' } },
    });
    expect(i18n.t('composer.send')).toBe('Invia');
    expect(i18n.t('messages.jumpToLatest')).toBe('Jump to latest');
    expect(createConfabI18n({ locale: 'en', messages: { en: { 'composer.send': 'Post' } } }).t('composer.send')).toBe('Post');
  });

  it('switches live with a locale ref, and gives right to left for Arabic', () => {
    const locale = ref('en');
    const i18n = createConfabI18n({ locale });
    expect([i18n.t('time.today'), i18n.dir.value]).toEqual(['Today', 'ltr']);
    locale.value = 'ar';
    expect([i18n.t('time.today'), i18n.dir.value]).toEqual(['اليوم', 'rtl']);
  });

  it('renders plain text: a placeholder value is never markup', () => {
    expect(renderMessage('{name}: {text}', 'en', { name: '<b>x</b>', text: '<img src=x>' })).toBe('<b>x</b>: <img src=x>');
    expect(renderMessage('{unknown} stays', 'en', {})).toBe('{unknown} stays');
  });

  it('matches locales and directions', () => {
    expect(matchLocale('EN-us', ['en', 'fr'], 'en')).toBe('en');
    expect(['ar', 'he-IL', 'fa', 'en', 'ja'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'ltr', 'ltr']);
  });
});
