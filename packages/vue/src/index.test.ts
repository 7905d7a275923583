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
        "CreateGroup",
        "FileCard",
        "FileImage",
        "FileMessageBody",
        "FriendSearch",
        "GroupFinder",
        "GroupPanel",
        "ImagePreview",
        "MarkdownView",
        "MessageBubble",
        "MessageList",
        "RequestList",
        "SearchPanel",
        "UnreadBadge",
        "isSafeHref",
        "memberActions",
        "parseMarkdown",
        "useChatClient",
        "useChatState",
        "useConfabStore",
        "useConversations",
        "useDesktopNotifications",
        "useMessages",
        "useUnreadTotal",
      ]
    `);
  });
});
