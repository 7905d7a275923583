export { default as FriendSearch } from './FriendSearch.vue';
export type { FriendSearchEmits, FriendSearchProps } from './FriendSearch.vue';
