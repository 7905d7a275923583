import type { MessageText } from '../translate.js';
import type { MessageKey } from './en.js';

/** The strings of one locale by key; keys left out fall back to English. */
export type LocaleMessages = Readonly<Partial<Record<MessageKey, MessageText>>>;
