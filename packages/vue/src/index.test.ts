import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "AuthForm",
        "Avatar",
        "ChatApp",
        "Composer",
        "ConfabPlugin",
        "ConnectionBanner",
        "ContactList",
        "ConversationList",
        "ConversationListItem",
        "ConversationPane",
        "FileCard",
        "FileImage",
        "FileMessageBody",
        "FriendSearch",
        "ImagePreview",
        "MessageBubble",
        "MessageList",
        "RequestList",
        "UnreadBadge",
        "useChatClient",
        "useChatState",
        "useConfabStore",
        "useConversations",
        "useMessages",
        "useUnreadTotal",
      ]
    `);
  });
});
