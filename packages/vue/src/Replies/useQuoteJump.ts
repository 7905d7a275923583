import { nextTick, ref, type Ref } from 'vue';
import { useChatClient } from '../plugin.js';
import { errorMessage } from '../utils/errors.js';

/** How long the message jumped to stays highlighted, in ms. */
const HIGHLIGHT_MS = 2000;

/**
 * Jumping from a quote to its original: the core loads it (and the history up to what is loaded) when
 * needed, then the list scrolls it into the middle of view and highlights it for a moment. `reveal`
 * brings the row into the rendered window first (a virtual list renders only rows near the viewport).
 */
export function useQuoteJump(conversationId: () => string, scroller: Ref<HTMLElement | null>, reveal: (seq: number) => void = () => {}) {
  const client = useChatClient();
  const jumpError = ref<string | null>(null);

  async function jump(seq: number): Promise<void> {
    jumpError.value = null;
    try {
      await client.jumpTo(conversationId(), seq);
    } catch (error) {
      jumpError.value = errorMessage(error);
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
