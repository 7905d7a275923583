export { default as RequestList } from './RequestList.vue';
export type { RequestAction, RequestListEmits } from './RequestList.vue';
