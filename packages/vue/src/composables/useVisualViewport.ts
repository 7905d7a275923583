import { onBeforeUnmount, onMounted } from 'vue';
import type { Ref } from 'vue';

/**
 * @internal Keeps `--confab-visual-height` on `element` at the visual viewport's height, so a
 * full-height chat shrinks above a phone's on-screen keyboard and the composer stays in view.
 * Does nothing where there is no `visualViewport` (server rendering, old browsers: `100dvh` applies).
 */
export function useVisualViewport(element: Ref<HTMLElement | null>): void {
  let viewport: VisualViewport | null = null;
  const update = (): void => {
    if (viewport && element.value) element.value.style.setProperty('--confab-visual-height', `${Math.round(viewport.height)}px`);
  };
  onMounted(() => {
    viewport = typeof window !== 'undefined' ? (window.visualViewport ?? null) : null;
    viewport?.addEventListener('resize', update);
    update();
  });
  onBeforeUnmount(() => viewport?.removeEventListener('resize', update));
}
