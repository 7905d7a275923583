import { defineComponent, h } from 'vue';
import type { PropType } from 'vue';
import { linkify } from '../utils/linkify.js';

/**
 * Message text as text nodes, with its http(s) addresses as links that open in a new tab without the
 * opener. Never renders HTML from the text.
 */
export default defineComponent({
  name: 'LinkedText',
  props: { text: { type: String as PropType<string>, required: true } },
  setup(props) {
    return () =>
      linkify(props.text).map((part) =>
        part.kind === 'link'
          ? h('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer nofollow', 'data-testid': 'message-link' }, part.text)
          : part.text,
      );
  },
});
