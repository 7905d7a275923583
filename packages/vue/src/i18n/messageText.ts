import { cutText, messagePreview, systemNoticeParts } from '@confab/core';
import type { Message, SystemContent } from '@confab/protocol';
import { englishText, type Translate } from './i18n.js';

type NameOf = (userId: string) => string | undefined;

/**
 * A group's system notice ("carol joined") in the locale of `t`: core takes the notice apart, the
 * `notice.*` strings word it. `nameOf` gives current names (undefined for unknown users). @internal
 */
export function noticeText(content: SystemContent, t: Translate = englishText, nameOf?: NameOf): string {
  const { kind, actor, target, name } = systemNoticeParts(content, nameOf);
  return t(`notice.${kind}`, { actor, target: target ?? t('notice.someone'), name }).trim();
}

/** The words of a message kind that has no text of its own, or undefined for one that has. */
function wordsFor(message: Message, t: Translate, nameOf?: NameOf): string | undefined {
  switch (message.type) {
    case 'image':
      return t('preview.photo', { name: message.content.file.name });
    case 'file':
      return t('preview.file', { name: message.content.file.name });
    case 'system':
      return noticeText(message.content, t, nameOf);
    case 'recalled':
      return t('im.recalledBy', { name: message.content.byName });
    case 'hidden':
      return t('preview.hidden');
    default:
      return undefined;
  }
}

/**
 * `messagePreview` of @confab/core in the locale of `t`: one line for a list, a quote or an
 * announcement, cut to `maxLength` characters. @internal
 */
export function previewText(message: Message, t: Translate = englishText, maxLength = 100, nameOf?: NameOf): string {
  const words = wordsFor(message, t, nameOf);
  return words === undefined ? messagePreview(message, maxLength, nameOf) : cutText(words.replace(/\s+/g, ' ').trim(), maxLength);
}
