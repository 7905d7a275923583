import { englishText, type Translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/locales/en.js';

/** Codes whose server text may be too technical to show as is: each has its own string. */
const CODE_KEYS: Readonly<Record<string, MessageKey>> = {
  NETWORK: 'error.NETWORK',
  TIMEOUT: 'error.TIMEOUT',
  RATE_LIMITED: 'error.RATE_LIMITED',
  NOT_FRIENDS: 'error.NOT_FRIENDS',
  INTERNAL: 'error.INTERNAL',
  UNAVAILABLE: 'error.UNAVAILABLE',
};

/**
 * @internal Text to show for an error: a ConfabError's message, or a message for its code, worded
 * by `t` (a component passes its `useI18n().t`; English without it).
 */
export function errorMessage(error: unknown, t: Translate = englishText): string {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof message === 'string' && message.trim()) return message;
    const key = typeof code === 'string' && Object.hasOwn(CODE_KEYS, code) ? CODE_KEYS[code] : undefined;
    if (key) return t(key);
  }
  if (typeof error === 'string' && error) return error;
  return t('error.unknown');
}
