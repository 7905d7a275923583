/**
 * Every user-visible string of the everyday IM features (recall, edit, delete for me, ...), in one
 * flat object so they can move into the i18n system as they are. Functions take the parameters.
 */
export const imStrings = {
  messageActions: 'Message actions',
  recall: 'Recall',
  edit: 'Edit',
  deleteForMe: 'Delete for me',
  edited: 'edited',
  editedAt: (when: string) => `Edited ${when}`,
  save: 'Save',
  cancel: 'Cancel',
  editLabel: 'Edit message',
  youRecalled: 'You recalled a message',
  recalledBy: (name: string) => `${name} recalled a message`,
  recalledByModerator: (name: string, senderName: string) => `${name} recalled a message from ${senderName}`,
  reply: 'Reply',
  you: 'You',
  someone: 'Someone',
  replyingTo: (name: string) => `Replying to ${name}`,
  cancelReply: 'Cancel reply',
  quoteNotLoaded: 'Show the original message',
  quoteRecalled: 'The original was recalled',
  quoteDeleted: 'You deleted the original',
  quoteLabel: (name: string) => `Reply to ${name}; show the original`,
  react: (emoji: string) => `React with ${emoji}`,
  reactedBy: (names: readonly string[]) => names.join(', '),
} as const;
