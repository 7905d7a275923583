import { describe, expect, it } from 'vitest';
import { hasBidiControls, isBlankText, nameProblem, textLength } from './text.js';

describe('text rules', () => {
  it('counts code points, so an emoji or a CJK character is one', () => {
    expect(textLength('héllo😀')).toBe(6);
    expect(textLength('😀'.repeat(4000))).toBe(4000);
    expect(textLength('你好')).toBe(2);
    expect(textLength('')).toBe(0);
  });

  it('treats whitespace, zero-width and filler characters as blank', () => {
    for (const text of ['', '   ', '\n\t', '\u200B\u200B', '\u3000', '\u2060\uFEFF', '\u3164', '\u202E']) {
      expect(isBlankText(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['a', ' 😀 ', '\u200Bx', '你', '.']) {
      expect(isBlankText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('finds bidi overrides and isolates but not ordinary right-to-left text', () => {
    expect(hasBidiControls('\u202Eevil\u202C')).toBe(true);
    expect(hasBidiControls('a\u2067b')).toBe(true);
    expect(hasBidiControls('مرحبا שלום')).toBe(false);
  });

  it('judges names: visible, no bidi controls, no control characters', () => {
    expect(nameProblem('proj-x')).toBeNull();
    expect(nameProblem('مرحبا')).toBeNull();
    expect(nameProblem('e\u0301te')).toBeNull();
    for (const name of ['\u200D\uFE0F', '\u0301', '  ', '\u3164']) expect(nameProblem(name), JSON.stringify(name)).toBe('blank');
    for (const name of ['ab\u200Fcd', 'ab\u061Ccd', 'Support\u202Efdp.exe', 'a\u2066b']) expect(nameProblem(name), JSON.stringify(name)).toBe('bidi');
    for (const name of ['a\nb', 'a\u0007c', 'a\u0000b']) expect(nameProblem(name), JSON.stringify(name)).toBe('control');
  });
});
