export { default as SearchPanel } from './SearchPanel.vue';
export type { SearchPanelEmits, SearchPanelProps } from './SearchPanel.vue';
