import { defineComponent, h } from 'vue';
import type { PropType } from 'vue';
import { linkify } from '../utils/linkify.js';
import { mentionParts, type MentionToken } from '../Mentions/mentionParts.js';

/**
 * Message text as text nodes, with its http(s) addresses as links that open in a new tab without the
 * opener, and its mentions marked (more so those of the reader). Never renders HTML from the text.
 */
export default defineComponent({
  name: 'LinkedText',
  props: {
    text: { type: String as PropType<string>, required: true },
    /** The `@Name` tokens to mark. */
    mentions: { type: Array as PropType<readonly MentionToken[]>, default: () => [] },
    /** The title of a mention of the reader. */
    mentionOfYou: { type: String, default: undefined },
  },
  setup(props) {
    const links = (text: string) =>
      linkify(text).map((part) =>
        part.kind === 'link'
          ? h('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer nofollow', 'data-testid': 'message-link' }, part.text)
          : part.text,
      );
    return () =>
      mentionParts(props.text, props.mentions).flatMap((part) =>
        part.kind === 'text'
          ? links(part.text)
          : [h('span', { class: ['confab-mention', part.me && 'confab-mention--me'], title: part.me ? props.mentionOfYou : undefined, 'data-testid': 'message-mention', 'data-me': String(part.me) }, part.text)],
      );
  },
});
