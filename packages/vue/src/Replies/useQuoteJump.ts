import { nextTick, ref, watch, type Ref } from 'vue';
import { useChatClient } from '../plugin.js';
import { useConfabStore } from '../store.js';
import { errorMessage } from '../utils/errors.js';
import { useI18n } from '../i18n/i18n.js';

/** How long the message jumped to stays highlighted, in ms. */
const HIGHLIGHT_MS = 2000;

/**
 * Jumping from a quote to its original: the core loads it (and the history up to what is loaded) when
 * needed, then the list scrolls it into the middle of view and highlights it for a moment. `reveal`
 * brings the row into the rendered window first (a virtual list renders only rows near the viewport).
 * The same happens for the store's `jumpTarget` (a search result opened).
 */
export function useQuoteJump(conversationId: () => string, scroller: Ref<HTMLElement | null>, reveal: (seq: number) => void = () => {}) {
  const client = useChatClient();
  const { t } = useI18n();
  const jumpError = ref<string | null>(null);

  async function jump(seq: number): Promise<void> {
    jumpError.value = null;
    try {
      await client.jumpTo(conversationId(), seq);
    } catch (error) {
      jumpError.value = errorMessage(error, t);
      return;
    }
    await nextTick();
    reveal(seq);
    const target = await rendered(scroller, seq);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.classList.add('confab-highlight');
    setTimeout(() => target.classList.remove('confab-highlight'), HIGHLIGHT_MS);
  }

  // A message chosen elsewhere (a search result) is jumped to as soon as its conversation's list shows.
  const store = useConfabStore();
  watch(
    () => store.jumpTarget,
    () => {
      const seq = store.takeJump(conversationId());
      if (seq !== null) void jump(seq);
    },
    { immediate: true },
  );

  return { jump, jumpError };
}

/** The element of `seq` once the list has rendered it (a few frames at most), or null. */
async function rendered(scroller: Ref<HTMLElement | null>, seq: number): Promise<HTMLElement | null> {
  for (let frame = 0; frame < 10; frame++) {
    const target = scroller.value?.querySelector<HTMLElement>(`[data-seq="${seq}"]`);
    if (target) return target;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return null;
}
