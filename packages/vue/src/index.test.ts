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
        "GroupMembers",
        "GroupPanel",
        "ImagePreview",
        "MarkdownView",
        "MessageBubble",
        "MessageList",
        "RequestList",
        "UnreadBadge",
        "builtinLocales",
        "calendarDay",
        "clockTime",
        "createConfabI18n",
        "dayLabel",
        "daysAgo",
        "englishMessages",
        "fullTime",
        "isSafeHref",
        "listTime",
        "memberActions",
        "parseMarkdown",
        "textDirection",
        "useChatClient",
        "useChatState",
        "useConfabStore",
        "useConfabTheme",
        "useConversations",
        "useI18n",
        "useMessages",
        "useTimeContext",
        "useUnreadTotal",
      ]
    `);
  });
});
