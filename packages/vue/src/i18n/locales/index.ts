import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import type { LocaleMessages } from './types.js';
import { zhCN } from './zh-CN.js';

/** The locales shipped with the package, by language tag. */
export const builtinLocales: Readonly<Record<string, LocaleMessages>> = {
  en,
  'zh-CN': zhCN,
  ja,
  ko,
  es,
  fr,
  de,
  ar,
};
