import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "AiReply",
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
        "MarkdownView",
        "MessageBubble",
        "MessageList",
        "RequestList",
        "UnreadBadge",
        "isSafeHref",
        "parseMarkdown",
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
