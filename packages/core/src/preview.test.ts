import type { Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { cutText, messagePreview } from './preview.js';

const base = { id: 'm1', conversationId: 'c1', seq: 1, senderId: 'u1', clientMsgId: 'x', createdAt: 0 };
const file = { id: 'f1', name: 'beach.png', size: 10, mimeType: 'image/png', sha256: 'ab' };

describe('message previews', () => {
  it('cuts on grapheme boundaries: no lone surrogate, no split family emoji', () => {
    const cut = cutText('Happy birthday bob!🎂 party at 8', 20);
    expect(cut).toBe('Happy birthday bob!…');
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(cutText('Happy birthday bob!🎂 party at 8', 21)).toBe('Happy birthday bob!🎂…');
    expect(cutText('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 2)).toBe('👩‍👩‍👧…');
    expect(cutText('short', 20)).toBe('short');
  });

  it('shows an AI reply without its Markdown marks', () => {
    const text = '## A safe reply\nSome **bold** text, _emphasis_ and `code`, a [good link](https://example.com).\n- item';
    expect(messagePreview({ ...base, type: 'ai', content: { text, status: 'complete' } } as Message)).toBe(
      'A safe reply Some bold text, emphasis and code, a good link. item',
    );
  });

  it('folds white space and names photos and files', () => {
    expect(messagePreview({ ...base, type: 'text', content: { text: '  two\n\nlines  ' } } as Message)).toBe('two lines');
    expect(messagePreview({ ...base, type: 'image', content: { file } } as Message)).toBe('Photo: beach.png');
    expect(messagePreview({ ...base, type: 'file', content: { file: { ...file, name: 'q3.pdf' } } } as Message)).toBe('File: q3.pdf');
  });
});
