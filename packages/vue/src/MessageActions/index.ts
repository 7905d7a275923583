export { default as MessageActions } from './MessageActions.vue';
export type { MessageActionsEmits, MessageActionsProps } from './MessageActions.vue';
export { default as MessageEditor } from './MessageEditor.vue';
export type { MessageEditorEmits, MessageEditorProps } from './MessageEditor.vue';
export { default as RecalledNotice } from './RecalledNotice.vue';
export type { RecalledNoticeProps } from './RecalledNotice.vue';
export { messagePermissions } from './permissions.js';
export type { MessagePermissions } from './permissions.js';
