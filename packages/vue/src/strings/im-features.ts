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
} as const;
