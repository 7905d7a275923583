import { onBeforeUnmount, onMounted, ref } from 'vue';
import type { Ref } from 'vue';

/**
 * @internal Whether `element` is narrower than `breakpoint` px (the phone layout). Watches the
 * element's own width, so the layout also adapts inside a small embed; false until mounted (SSR).
 */
export function useNarrow(element: Ref<HTMLElement | null>, breakpoint = 768): Ref<boolean> {
  const narrow = ref(false);
  let observer: ResizeObserver | undefined;
  let query: MediaQueryList | undefined;
  const onQuery = (): void => {
    narrow.value = query?.matches ?? false;
  };

  onMounted(() => {
    const target = element.value;
    if (target && typeof ResizeObserver !== 'undefined') {
      const measure = (): void => {
        const width = target.getBoundingClientRect().width;
        if (width > 0) narrow.value = width < breakpoint;
      };
      observer = new ResizeObserver(measure);
      observer.observe(target);
      measure();
      if (target.getBoundingClientRect().width > 0) return;
    }
    if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
      query = window.matchMedia(`(max-width: ${breakpoint - 0.02}px)`);
      onQuery();
      query.addEventListener('change', onQuery);
    }
  });

  onBeforeUnmount(() => {
    observer?.disconnect();
    query?.removeEventListener('change', onQuery);
  });

  return narrow;
}
