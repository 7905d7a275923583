import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.js';

describe('linkify', () => {
  it('links http and https addresses and keeps the text around them', () => {
    expect(linkify('see https://example.com/a?b=1 now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('leaves sentence punctuation out of the link, but keeps a balanced parenthesis', () => {
    expect(linkify('Read http://a.example/x.')[1]).toEqual({ kind: 'link', text: 'http://a.example/x', href: 'http://a.example/x' });
    expect(linkify('(https://en.wikipedia.org/wiki/Tea_(drink))')[1]?.text).toBe('https://en.wikipedia.org/wiki/Tea_(drink)');
  });

  it('gives www. addresses https://', () => {
    expect(linkify('www.example.org')).toEqual([{ kind: 'link', text: 'www.example.org', href: 'https://www.example.org' }]);
  });

  it('never links javascript:, data: or markup, which stay text', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', '<a href="https://x.example">x</a>']) {
      const parts = linkify(text);
      expect(parts.filter((part) => part.kind === 'link').every((part) => part.kind === 'link' && /^https:\/\/x\.example$/.test(part.href))).toBe(true);
      expect(parts.map((part) => part.text).join('')).toBe(text);
    }
  });

  it('returns the text unchanged when there is no address', () => {
    expect(linkify('just words 🎂')).toEqual([{ kind: 'text', text: 'just words 🎂' }]);
  });
});
