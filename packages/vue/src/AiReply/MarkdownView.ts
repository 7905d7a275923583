import { defineComponent, h, type PropType, type VNode } from 'vue';
import { parseMarkdown, type MarkdownBlock, type MarkdownInline } from './markdown.js';

function inline(nodes: readonly MarkdownInline[]): (VNode | string)[] {
  return nodes.map((node) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'break':
        return h('br');
      case 'code':
        return h('code', { class: 'confab-md__code' }, node.text);
      case 'strong':
        return h('strong', inline(node.children));
      case 'em':
        return h('em', inline(node.children));
      case 'link':
        return h('a', { href: node.href, target: '_blank', rel: 'noopener noreferrer' }, inline(node.children));
    }
  });
}

function block(node: MarkdownBlock): VNode {
  switch (node.kind) {
    case 'paragraph':
      return h('p', inline(node.children));
    case 'heading':
      return h(`h${node.level}`, { class: 'confab-md__heading' }, inline(node.children));
    case 'code':
      return h('pre', { class: 'confab-md__pre', 'data-language': node.language || undefined }, [h('code', node.text)]);
    case 'quote':
      return h('blockquote', node.blocks.map(block));
    case 'list':
      return h(
        node.ordered ? 'ol' : 'ul',
        node.ordered && node.start !== 1 ? { start: node.start } : {},
        node.items.map((item) => h('li', inline(item))),
      );
  }
}

/** Renders Markdown from an allow-list as VNodes: no HTML strings, no `v-html`, no unsafe links. */
export default defineComponent({
  name: 'MarkdownView',
  props: {
    /** The Markdown source. */
    source: { type: String as PropType<string>, required: true },
  },
  setup(props) {
    return () => h('div', { class: 'confab-md' }, parseMarkdown(props.source).map(block));
  },
});
