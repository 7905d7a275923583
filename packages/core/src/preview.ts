import type { Message } from '@confab/protocol';
import { systemNoticeText } from './notices.js';

/**
 * Cuts a text to at most `maxLength` user-perceived characters (grapheme clusters), so an emoji,
 * a flag or a family like "👩‍👩‍👧" is never split; adds "…" when something was cut.
 */
export function cutText(text: string, maxLength: number): string {
  // Most previews are short: no segmenting when even one code unit per character fits.
  if (text.length <= maxLength) return text;
  const segmenter = graphemes();
  const pieces = segmenter ? Array.from(segmenter.segment(text), (part) => part.segment) : Array.from(text);
  return pieces.length <= maxLength ? text : `${pieces.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}

let segmenter: Intl.Segmenter | null | undefined;

/** One grapheme segmenter, made on first use (null where the platform has none). */
function graphemes(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
    segmenter = Segmenter ? new Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/** Markdown marks that mean nothing in a one-line preview of an AI reply: headings, emphasis, code, links. */
function plainMarkdown(text: string): string {
  return text
    .replace(/```[^\n]*\n?/g, '')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]*?\S)\1/g, '$2');
}

/**
 * One line that stands for a message in a list or a notification: its text with runs of white space
 * folded, "Photo: name" / "File: name", or a system notice's text (names from `nameOf`), cut to `maxLength` characters.
 * @example messagePreview(message) // 'Photo: beach.png'
 */
export function messagePreview(message: Message, maxLength = 100, nameOf?: (userId: string) => string | undefined): string {
  const text =
    message.type === 'image' || message.type === 'file'
      ? `${message.type === 'image' ? 'Photo' : 'File'}: ${message.content.file.name}`
      : message.type === 'system'
        ? systemNoticeText(message.content, nameOf)
        : message.type === 'ai'
          ? plainMarkdown(message.content.text)
          : message.type === 'recalled'
            ? `${message.content.byName} recalled a message`
            : message.type === 'hidden'
              ? 'You deleted a message'
              : message.content.text;
  return cutText(text.replace(/\s+/g, ' ').trim(), maxLength);
}
