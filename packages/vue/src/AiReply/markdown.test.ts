import { describe, expect, it } from 'vitest';
import { isSafeHref, parseInline, parseMarkdown } from './markdown.js';

describe('parseMarkdown', () => {
  it('parses the allow-listed blocks: headings, paragraphs, lists, quotes and fenced code', () => {
    const blocks = parseMarkdown('# Title\n\nSome *soft* and **bold**\nnext line\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n```ts\nconst a = 1 < 2;\n```');
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'code']);
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      children: [
        { kind: 'text', text: 'Some ' },
        { kind: 'em', children: [{ kind: 'text', text: 'soft' }] },
        { kind: 'text', text: ' and ' },
        { kind: 'strong', children: [{ kind: 'text', text: 'bold' }] },
        { kind: 'break' },
        { kind: 'text', text: 'next line' },
      ],
    });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true, start: 3 });
    expect(blocks[5]).toEqual({ kind: 'code', language: 'ts', text: 'const a = 1 < 2;' });
  });

  it('keeps raw HTML as text', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script>' }] }]);
  });

  it('keeps only http, https and mailto links; others become their text', () => {
    expect(parseInline('[x](javascript:alert(1))')).toEqual([{ kind: 'text', text: 'x' }]);
    expect(parseInline('[docs](https://example.com/a)')).toEqual([{ kind: 'link', href: 'https://example.com/a', children: [{ kind: 'text', text: 'docs' }] }]);
    expect(['http://a.b', 'HTTPS://a.b', 'mailto:a@b.c'].map(isSafeHref)).toEqual([true, true, true]);
    expect(['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', 'vbscript:x', '//evil.example', '/relative'].map(isSafeHref)).toEqual([false, false, false, false, false, false]);
  });

  it('runs an unclosed fence (a reply still streaming) to the end as code', () => {
    expect(parseMarkdown('Look:\n```\nline 1\nline 2')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Look:' }] },
      { kind: 'code', language: '', text: 'line 1\nline 2' },
    ]);
  });
});
