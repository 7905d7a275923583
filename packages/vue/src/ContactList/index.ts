export { default as ContactList } from './ContactList.vue';
export type { ContactListEmits } from './ContactList.vue';
