export { ConfabPlugin, useChatClient } from './plugin.js';
export type { ConfabPluginOptions } from './plugin.js';
export { useChatState, useConversations, useMessages, useUnreadTotal } from './composables/useChatState.js';
export { useDesktopNotifications } from './composables/useDesktopNotifications.js';
export type { DesktopNotificationOptions, NotificationApi, NotificationPermissionState, ShownNotification } from './composables/useDesktopNotifications.js';
export { useConfabStore } from './store.js';
export { createConfabI18n, useI18n } from './i18n/i18n.js';
export type { ConfabI18n, ConfabI18nOptions, LocaleMessages } from './i18n/i18n.js';
export { textDirection } from './i18n/translate.js';
export type { MessageParams, MessageText, PluralMessage } from './i18n/translate.js';
export { en as englishMessages } from './i18n/locales/en.js';
export type { MessageKey } from './i18n/locales/en.js';
export { builtinLocaleTags, loadLocale } from './i18n/locales/index.js';
export { useConfabTheme } from './appearance.js';
export type { ConfabTheme } from './appearance.js';
export { calendarDay, daysAgo } from './time/calendar.js';
export { clockTime, dayLabel, fullTime, lastSeenLabel, listTime } from './time/labels.js';
export type { TimeContext } from './time/labels.js';
export { useTimeContext } from './time/useTimeFormat.js';
export type { ConfabTab, JumpTarget } from './store.js';

export { FileCard, FileImage, FileMessageBody, ImagePreview } from './Attachments/index.js';
export type {
  FileCardProps,
  FileImageEmits,
  FileImageProps,
  FileMessageBodyProps,
  ImagePreviewEmits,
  ImagePreviewProps,
} from './Attachments/index.js';
export { AiReply, MarkdownView, isSafeHref, parseMarkdown } from './AiReply/index.js';
export type { AiReplyProps, MarkdownBlock, MarkdownInline } from './AiReply/index.js';
export { AuthForm } from './AuthForm/index.js';
export type { AuthFormEmits, AuthFormProps, AuthMode } from './AuthForm/index.js';
export { Avatar } from './Avatar/index.js';
export { PresenceStatus, PresenceToggle } from './Presence/index.js';
export type { PresenceStatusProps } from './Presence/index.js';
export type { AvatarProps } from './Avatar/index.js';
export { ChatApp, ConversationPane } from './ChatApp/index.js';
export type { ChatAppProps, ConversationPaneEmits, ConversationPaneProps } from './ChatApp/index.js';
export { Composer } from './Composer/index.js';
export type { ComposerEmits, ComposerProps } from './Composer/index.js';
export { ConnectionBanner } from './ConnectionBanner/index.js';
export type { ConnectionBannerEmits } from './ConnectionBanner/index.js';
export { ContactList } from './ContactList/index.js';
export type { ContactListEmits } from './ContactList/index.js';
export { ConversationList, ConversationListItem } from './ConversationList/index.js';
export type {
  ConversationListEmits,
  ConversationListItemEmits,
  ConversationListItemProps,
  ConversationListProps,
} from './ConversationList/index.js';
export { FriendSearch } from './FriendSearch/index.js';
export type { FriendSearchEmits, FriendSearchProps } from './FriendSearch/index.js';
export { CreateGroup, GroupFinder, GroupMembers, GroupPanel, memberActions } from './Groups/index.js';
export type { CreateGroupEmits, GroupFinderEmits, GroupPanelProps, MemberAction } from './Groups/index.js';
export { LinkedText, MessageBubble } from './MessageBubble/index.js';
export { linkify } from './utils/linkify.js';
export type { TextPart } from './utils/linkify.js';
export type { MessageBubbleEmits, MessageBubbleProps } from './MessageBubble/index.js';
export { MessageList } from './MessageList/index.js';
export type { MessageListEmits, MessageListProps } from './MessageList/index.js';
export { SearchPanel } from './SearchPanel/index.js';
export type { SearchPanelEmits, SearchPanelProps } from './SearchPanel/index.js';
export { RequestList } from './RequestList/index.js';
export type { RequestAction, RequestListEmits } from './RequestList/index.js';
export { UnreadBadge } from './UnreadBadge/index.js';
export type { UnreadBadgeProps } from './UnreadBadge/index.js';
