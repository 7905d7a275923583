import type { SearchSnippet } from '@confab/protocol';

/** Code points of context kept before the match, and in all (before + match + after) at most. */
const CONTEXT_BEFORE = 24;
const SNIPPET_LENGTH = 96;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The piece of `text` around the first case-insensitive occurrence of `query`, cut at code points (never
 * inside a surrogate pair) with `…` where it was cut. When the text does not hold the query as JavaScript
 * folds case (a database may fold some letters otherwise), the snippet is the start of the text, unmarked.
 * @example searchSnippet('Meet at the station at 6', 'STATION') // { before: 'Meet at the ', match: 'station', after: ' at 6' }
 */
export function searchSnippet(text: string, query: string): SearchSnippet {
  const found = new RegExp(escapeRegExp(query), 'iu').exec(text);
  const before = [...(found ? text.slice(0, found.index) : '')];
  const match = found ? found[0] : '';
  const after = [...(found ? text.slice(found.index + match.length) : text)];
  const kept = before.slice(Math.max(0, before.length - CONTEXT_BEFORE));
  const room = Math.max(0, SNIPPET_LENGTH - kept.length - [...match].length);
  return {
    before: (kept.length < before.length ? '…' : '') + kept.join(''),
    match,
    after: after.slice(0, room).join('') + (after.length > room ? '…' : ''),
  };
}
