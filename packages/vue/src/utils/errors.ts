/** Messages for codes whose server text may be too technical to show as is. */
const CODE_MESSAGES: Readonly<Record<string, string>> = {
  NETWORK: 'Cannot reach the server. Check your connection.',
  TIMEOUT: 'The server took too long to answer. Try again.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
  NOT_FRIENDS: 'You can only message friends.',
  INTERNAL: 'Something went wrong on the server. Try again.',
  UNAVAILABLE: 'The server is not available right now. Try again.',
};

/** @internal Text to show for an error: a ConfabError's message, or a message for its code. */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof message === 'string' && message.trim()) return message;
    if (typeof code === 'string' && CODE_MESSAGES[code]) return CODE_MESSAGES[code];
  }
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong. Try again.';
}
