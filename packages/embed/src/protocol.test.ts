import { describe, expect, it } from 'vitest';
import { EMBED_PROTOCOL_VERSION, isEmbedMessage, isMessageOfType } from './protocol.js';

describe('the embed message guards', () => {
  it('accept namespaced messages of this version', () => {
    expect(isEmbedMessage({ type: 'confab:hello', v: EMBED_PROTOCOL_VERSION })).toBe(true);
    expect(isMessageOfType({ type: 'confab:welcome', v: 1, options: {} }, 'confab:welcome')).toBe(true);
  });

  it.each([
    ['another version', { type: 'confab:hello', v: 2 }],
    ['no version', { type: 'confab:hello' }],
    ['another namespace', { type: 'penpal:hello', v: 1 }],
    ['an unknown confab type', { type: 'confab:openUrl', v: 1, url: 'https://evil.example' }],
    ['a string', 'confab:hello'],
    ['null', null],
  ])('refuse %s', (_name, data) => {
    expect(isEmbedMessage(data)).toBe(false);
  });

  it('tell types apart', () => {
    expect(isMessageOfType({ type: 'confab:hello', v: 1 }, 'confab:welcome')).toBe(false);
  });
});
