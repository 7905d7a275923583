import { isSafeHref } from '../AiReply/markdown.js';

/** A piece of message text: plain text, or a web address to show as a link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
/** Punctuation that ends a sentence rather than an address ("see https://a.example/x."). */
const TRAILING = /[.,!?;:'")\]}>]+$/;

/** Keeps a closing parenthesis that closes one inside the address (Wikipedia-style URLs). */
function trimTrailing(address: string): string {
  let trimmed = address.replace(TRAILING, '');
  const rest = address.slice(trimmed.length);
  if (rest.startsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) > (trimmed.match(/\)/g)?.length ?? 0)) trimmed += ')';
  return trimmed;
}

/**
 * Splits message text into text and http(s) links, for rendering as text nodes and `<a>` elements —
 * never as HTML. Only `http:`/`https:` addresses become links (`www.` gets `https://`); anything else,
 * `javascript:` included, stays text.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimTrailing(match[0]);
    const href = address.toLowerCase().startsWith('www.') ? `https://${address}` : address;
    if (!address || !isSafeHref(href) || href.startsWith('mailto:')) continue;
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: address, href });
    last = start + address.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
