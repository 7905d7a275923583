import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('@confab/core public API', () => {
  it('exports exactly the public runtime names', () => {
    expect(Object.keys(core).sort()).toEqual([
      'ClientErrorCode',
      'ConfabError',
      'OUTBOX_KEY_PREFIX',
      'applyDelta',
      'applyMessageToList',
      'applyMessagesToList',
      'buildHomeList',
      'chatReducer',
      'createChatClient',
      'cutText',
      'formatBytes',
      'initialChatState',
      'isBlocked',
      'isConfabError',
      'isGenerating',
      'isHiddenFromList',
      'isRetryableCode',
      'keyValueOutbox',
      'memoryOutbox',
      'mentionCount',
      'messagePreview',
      'presenceOf',
      'readCount',
      'systemNoticeText',
      'typingUserIds',
      'unreadCount',
      'unreadTotalShare',
    ]);
  });

  it('recognises its errors by brand and tells which are retryable', () => {
    const timeout = new core.ConfabError('TIMEOUT', 'no answer');
    expect(core.isConfabError(timeout)).toBe(true);
    expect(core.isConfabError(new Error('plain'))).toBe(false);
    expect(timeout.isRetryable()).toBe(true);
    expect(new core.ConfabError('VALIDATION', 'bad').isRetryable()).toBe(false);
  });
});
