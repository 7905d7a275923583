/**
 * The English strings: the reference every other locale translates. To add a string, add its key
 * here, then the same key to each file beside this one (one line per locale; a missing key shows
 * English, and the locale test names it).
 */
export const en = {
  'common.loading': 'Loading…',
  'common.dismiss': 'Dismiss',
  'common.retry': 'Retry',

  'time.today': 'Today',
  'time.yesterday': 'Yesterday',

  'app.logout': 'Log out',
  'app.sidebar': 'Chats and contacts',
  'app.sections': 'Sections',
  'app.tab.chats': 'Chats',
  'app.tab.contacts': 'Contacts',
  'app.tab.groups': 'Groups',
  'app.tab.requests': 'Requests',
  'app.pending': '{count} pending',
  'app.placeholder': 'Select a conversation to start chatting.',
  'app.gone': '“{title}” is no longer available to you: the friendship or your membership ended, or the group was dissolved.',

  'connection.reconnecting': 'Reconnecting…',
  'connection.expired': 'Session expired — log in again',
  'connection.login': 'Log in',

  'badge.unread': '{count} unread',

  'conversations.label': 'Conversations',
  'conversations.empty': 'No conversations yet. Add a friend from Contacts to start chatting.',
  'conversations.you': 'You: {text}',

  'messages.label': 'Messages',
  'messages.loadOlder': 'Load older messages',
  'messages.empty': 'No messages yet. Say hello!',
  'messages.newMarker': 'New messages',
  'messages.jumpToLatest': 'Jump to latest',
  'messages.newBelow': { one: '{count} new message', other: '{count} new messages' },
  'messages.announce': '{name}: {text}',

  'message.sending': 'Sending',
  'message.sent': 'Sent',
  'message.read': 'Read',
  'message.notSent': 'Not sent',
  'message.notSentReason': 'Not sent.',

  'composer.placeholder': 'Write a message…',
  'composer.input': 'Message',
  'composer.attach': 'Attach a file',
  'composer.send': 'Send message',
  'composer.tooLong': 'too long to send',

  'pane.group': 'Group {name}',
  'pane.direct': 'Conversation with {name}',
  'pane.conversation': 'Conversation',
  'pane.back': 'Back to conversations',
  'pane.members': 'Members',
  'pane.memberCount': { one: '{count} member', other: '{count} members' },
  'pane.readBy': 'read by {count}',
  'im.messageActions': 'Message actions',
  'im.recall': 'Recall',
  'im.edit': 'Edit',
  'im.deleteForMe': 'Delete for me',
  'im.edited': 'edited',
  'im.editedAt': 'Edited {when}',
  'im.save': 'Save',
  'im.cancel': 'Cancel',
  'im.editLabel': 'Edit message',
  'im.youRecalled': 'You recalled a message',
  'im.recalledBy': '{name} recalled a message',
  'im.recalledByModerator': '{name} recalled a message from {sender}',
  'im.reply': 'Reply',
  'im.you': 'You',
  'im.someone': 'Someone',
  'im.replyingTo': 'Replying to {name}',
  'im.cancelReply': 'Cancel reply',
  'im.quoteNotLoaded': 'Show the original message',
  'im.quoteRecalled': 'The original was recalled',
  'im.quoteDeleted': 'You deleted the original',
  'im.quoteLabel': 'Reply to {name}; show the original',
  'im.react': 'React with {emoji}',
  // search, desktop notifications, emoji picker (issue 11)
  'search.label': 'Search messages',
  'search.inConversation': 'Search in this conversation',
  'search.searching': 'Searching…',
  'search.noResults': 'No messages found for “{query}”',
  'search.more': 'Only the newest matches are shown; add words to narrow the search.',
  'search.result': 'Open the message in {title} from {when}',
  'search.youIn': 'You · {title}',
  'notifications.enable': 'Turn on desktop notifications for messages that arrive while this tab is hidden',
  'emoji.insert': 'Insert an emoji',
  'emoji.smileys': 'Smileys',
  'emoji.people': 'People',
  'emoji.nature': 'Animals and nature',
  'emoji.food': 'Food and drink',
  'emoji.activities': 'Activities and objects',
  'emoji.symbols': 'Symbols',
} as const;

/** Every string's key. */
export type MessageKey = keyof typeof en;
