import { describe, expect, it } from 'vitest';
import * as protocol from './index.js';
import { ERROR_HTTP_STATUS, ErrorCode, isErrorCode } from './index.js';

describe('protocol', () => {
  it('exports exactly the public runtime names', () => {
    expect(Object.keys(protocol).sort()).toEqual(
      ['API_PREFIX', 'ASSISTANT_USER_ID', 'AiErrorCode', 'DEFAULT_CONVERSATION_SETTINGS', 'DEFAULT_PRESENCE_SETTINGS', 'ERROR_HTTP_STATUS', 'ErrorCode', 'LIMITS', 'NAME_PROBLEMS', 'REACTION_EMOJI', 'RETRYABLE_ERROR_CODES', 'conversationSettingsOf', 'hasBidiControls', 'isAssistant', 'isBlankText', 'isErrorCode', 'mentionsUser', 'nameProblem', 'textLength'].sort(),
    );
  });

  it('maps every error code to an HTTP status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
    }
    expect(ERROR_HTTP_STATUS.NOT_FOUND).toBe(404);
    expect(ERROR_HTTP_STATUS.TOO_LARGE).toBe(413);
  });

  it('recognises error codes and rejects other strings', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
