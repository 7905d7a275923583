import { cutText, messagePreview } from '@confab/core';
import type { Message, SystemContent } from '@confab/protocol';
import { englishText, type Translate } from './i18n.js';
import { en, type MessageKey } from './locales/en.js';

type NameOf = (userId: string) => string | undefined;

/**
 * The `notice.*` string of a notice: one per event, `role_changed` split by the new role, and
 * `notice.changed` for an event this version does not know. (`systemNoticeText` of @confab/core
 * words notices in English only.)
 */
function noticeKey(content: SystemContent): MessageKey {
  const kind = content.event === 'role_changed' ? (content.role === 'admin' ? 'made_admin' : 'made_member') : content.event;
  const key = `notice.${kind}`;
  return Object.hasOwn(en, key) ? (key as MessageKey) : 'notice.changed';
}

/**
 * A group's system notice ("carol joined") in the locale of `t`, with current names from `nameOf`
 * when it knows them (else the names the notice carries). @internal
 */
export function noticeText(content: SystemContent, t: Translate = englishText, nameOf: NameOf = () => undefined): string {
  const target = content.targetId === undefined ? undefined : (nameOf(content.targetId) ?? content.targetName);
  const actor = nameOf(content.actorId) ?? content.actorName;
  return t(noticeKey(content), { actor, target: target ?? t('notice.someone'), name: content.name ?? '' }).trim();
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
