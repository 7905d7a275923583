export { default as CreateGroup } from './CreateGroup.vue';
export { default as GroupFinder } from './GroupFinder.vue';
export { default as GroupPanel } from './GroupPanel.vue';
/** The members of a group with their roles and the actions the viewer may take (the same component as GroupPanel). */
export { default as GroupMembers } from './GroupPanel.vue';
export type { CreateGroupEmits } from './CreateGroup.vue';
export type { GroupFinderEmits } from './GroupFinder.vue';
export type { GroupPanelProps } from './GroupPanel.vue';
export { memberActions } from './permissions.js';
export type { MemberAction } from './permissions.js';
