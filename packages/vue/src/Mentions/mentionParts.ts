import type { Mentions } from '@confab/protocol';

/** A mention to mark in a message's text: its `@Name` token, and whether it means the reader. */
export interface MentionToken {
  token: string;
  /** The reader is mentioned by it (their own name, or `@all`). */
  me: boolean;
}

/** A piece of message text: plain, or a mention token. */
export type MentionPart = { kind: 'text'; text: string } | { kind: 'mention'; text: string; me: boolean };

/**
 * The tokens to mark for a message's mentions: `@<display name>` of each mentioned member whose name
 * is known, and `@all`. Longest first, so `@Ann Lee` wins over `@Ann`.
 */
export function mentionTokens(mentions: Mentions | undefined, names: Readonly<Record<string, string>> | undefined, meId: string | null): MentionToken[] {
  if (!mentions) return [];
  const tokens: MentionToken[] = mentions.userIds.flatMap((id) => (names?.[id] ? [{ token: `@${names[id]}`, me: id === meId }] : []));
  if (mentions.all) tokens.push({ token: '@all', me: true });
  return tokens.sort((a, b) => b.token.length - a.token.length);
}

/** Splits `text` at the tokens (each occurrence, earliest first); the pieces are rendered as text, never HTML. */
export function mentionParts(text: string, tokens: readonly MentionToken[]): MentionPart[] {
  const parts: MentionPart[] = [];
  let from = 0;
  while (tokens.length > 0) {
    let found: { at: number; token: MentionToken } | null = null;
    for (const token of tokens) {
      const at = text.indexOf(token.token, from);
      if (at !== -1 && (found === null || at < found.at)) found = { at, token };
    }
    if (!found) break;
    if (found.at > from) parts.push({ kind: 'text', text: text.slice(from, found.at) });
    parts.push({ kind: 'mention', text: found.token.token, me: found.token.me });
    from = found.at + found.token.token.length;
  }
  if (from < text.length) parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}
