/**
 * A small Markdown parser for AI replies, producing a tree that is rendered as VNodes (never as an
 * HTML string). Only an allow-list exists: paragraphs, headings, block quotes, lists, fenced code,
 * inline code, strong, emphasis and links. Raw HTML stays text; links keep only http, https and
 * mailto targets (anything else, `javascript:` included, becomes plain text).
 */
export type MarkdownInline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em'; children: MarkdownInline[] }
  | { kind: 'link'; href: string; children: MarkdownInline[] };

export type MarkdownBlock =
  | { kind: 'paragraph'; children: MarkdownInline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: MarkdownInline[] }
  | { kind: 'code'; language: string; text: string }
  | { kind: 'quote'; blocks: MarkdownBlock[] }
  | { kind: 'list'; ordered: boolean; start: number; items: MarkdownInline[][] };

/** Whether a link target may be followed: http, https and mailto only. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

const INLINE_RULES: { pattern: RegExp; make: (match: RegExpExecArray) => MarkdownInline }[] = [
  { pattern: /`([^`\n]+)`/, make: (m) => ({ kind: 'code', text: m[1] as string }) },
  { pattern: /\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/, make: (m) => link(m[1] as string, m[2] as string) },
  { pattern: /\*\*(\S(?:[^*\n]*\S)?)\*\*|__(\S(?:[^_\n]*\S)?)__/, make: (m) => ({ kind: 'strong', children: parseInline((m[1] ?? m[2]) as string) }) },
  { pattern: /\*(\S(?:[^*\n]*\S)?)\*|\b_(\S(?:[^_\n]*\S)?)_\b/, make: (m) => ({ kind: 'em', children: parseInline((m[1] ?? m[2]) as string) }) },
];

function link(label: string, href: string): MarkdownInline {
  const children = parseInline(label);
  return isSafeHref(href) ? { kind: 'link', href: href.trim(), children } : { kind: 'text', text: label };
}

/** Inline markup of one block's text; newlines become line breaks. */
export function parseInline(text: string): MarkdownInline[] {
  const result: MarkdownInline[] = [];
  let rest = text;
  while (rest !== '') {
    let best: { index: number; match: RegExpExecArray; rule: (typeof INLINE_RULES)[number] } | null = null;
    for (const rule of INLINE_RULES) {
      const match = rule.pattern.exec(rest);
      if (match && (best === null || match.index < best.index)) best = { index: match.index, match, rule };
    }
    const plain = best === null ? rest : rest.slice(0, best.index);
    plain.split('\n').forEach((line, at) => {
      if (at > 0) result.push({ kind: 'break' });
      if (line !== '') result.push({ kind: 'text', text: line });
    });
    if (best === null) break;
    result.push(best.rule.make(best.match));
    rest = rest.slice(best.index + best.match[0].length);
  }
  return result;
}

const FENCE = /^\s{0,3}(```|~~~)\s*([\w+-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;

/** Parses Markdown into blocks. Unclosed fences (a reply still streaming) run to the end. */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MarkdownBlock[] = [];
  let at = 0;
  const startsBlock = (line: string) => FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || BULLET.test(line) || NUMBERED.test(line);
  while (at < lines.length) {
    const line = lines[at] as string;
    const fence = FENCE.exec(line);
    if (line.trim() === '') {
      at++;
    } else if (fence) {
      const body: string[] = [];
      at++;
      while (at < lines.length && !(lines[at] as string).trim().startsWith(fence[1] as string)) body.push(lines[at++] as string);
      at++;
      blocks.push({ kind: 'code', language: fence[2] ?? '', text: body.join('\n') });
    } else if (HEADING.test(line)) {
      const [, hashes, text] = HEADING.exec(line) as RegExpExecArray;
      blocks.push({ kind: 'heading', level: (hashes as string).length as 1, children: parseInline(text as string) });
      at++;
    } else if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (at < lines.length && QUOTE.test(lines[at] as string)) inner.push((QUOTE.exec(lines[at++] as string) as RegExpExecArray)[1] as string);
      blocks.push({ kind: 'quote', blocks: parseMarkdown(inner.join('\n')) });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = NUMBERED.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const start = ordered ? Number((NUMBERED.exec(line) as RegExpExecArray)[1]) : 1;
      const items: MarkdownInline[][] = [];
      while (at < lines.length && pattern.test(lines[at] as string)) {
        const match = pattern.exec(lines[at++] as string) as RegExpExecArray;
        items.push(parseInline((ordered ? match[2] : match[1]) as string));
      }
      blocks.push({ kind: 'list', ordered, start, items });
    } else {
      const paragraph: string[] = [];
      while (at < lines.length && (lines[at] as string).trim() !== '' && (paragraph.length === 0 || !startsBlock(lines[at] as string))) {
        paragraph.push(lines[at++] as string);
      }
      blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
    }
  }
  return blocks;
}
