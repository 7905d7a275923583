import { computed } from 'vue';
import type { ComputedRef, Ref } from 'vue';
import { useVirtualizer } from '@tanstack/vue-virtual';

/** One rendered row of a virtual list: the item, its index and where it starts (px). */
export interface VirtualRow<Row> {
  row: Row;
  index: number;
  start: number;
}

/** Options of {@link useVirtualRows}. */
export interface VirtualRowsOptions<Row> {
  /** The scrolling element. */
  scroller: Readonly<Ref<HTMLElement | null>>;
  rows: Readonly<Ref<readonly Row[]>>;
  keyOf: (row: Row) => string;
  /** A first guess of a row's height before it is measured (px). */
  estimateSize: (row: Row) => number;
  /** Rows rendered when nothing can be measured (server rendering, no layout): the first or the last ones. */
  unmeasuredWindow: { from: 'start' | 'end'; count: number };
}

/**
 * Renders only the rows near the viewport (with variable, measured heights), through @tanstack/vue-virtual.
 * Where there is no layout (server rendering, a test DOM) it renders a fixed window instead, so the
 * markup is still meaningful.
 * @internal
 */
export function useVirtualRows<Row>(options: VirtualRowsOptions<Row>) {
  const { scroller, rows, keyOf, estimateSize } = options;
  const virtualizer = useVirtualizer(
    computed(() => ({
      count: rows.value.length,
      getScrollElement: () => scroller.value,
      // The rows may change before the virtualizer's options follow (Vue flushes the options later):
      // an index past the new end gets a placeholder until then.
      estimateSize: (index: number) => (index < rows.value.length ? estimateSize(rows.value[index]!) : 1),
      getItemKey: (index: number) => (index < rows.value.length ? keyOf(rows.value[index]!) : `#${index}`),
      overscan: 6,
    })),
  );

  const measured = computed(() => (virtualizer.value.scrollRect?.height ?? 0) > 0);

  /** The rows to render, with their offsets (0 when not measured). */
  const visible: ComputedRef<VirtualRow<Row>[]> = computed(() => {
    const all = rows.value;
    if (!measured.value) {
      const { from, count } = options.unmeasuredWindow;
      const first = from === 'start' ? 0 : Math.max(0, all.length - count);
      return all.slice(first, first + count).map((row, offset) => ({ row, index: first + offset, start: 0 }));
    }
    return virtualizer.value
      .getVirtualItems()
      .filter((item) => item.index < all.length)
      .map((item) => ({ row: all[item.index]!, index: item.index, start: item.start }));
  });

  const totalSize = computed(() => (measured.value ? virtualizer.value.getTotalSize() : null));

  /** A function ref for each rendered row: measures its real height (component or element). */
  function measure(target: unknown): void {
    const element = target && typeof target === 'object' && '$el' in target ? (target as { $el: unknown }).$el : target;
    if (element instanceof Element) virtualizer.value.measureElement(element);
  }

  /** The inline style of a rendered row: its offset once measured, nothing before. */
  function rowStyle(entry: VirtualRow<Row>): { transform: string } | undefined {
    return totalSize.value !== null ? { transform: `translateY(${entry.start}px)` } : undefined;
  }

  /** Where the row with `key` starts (px), by measured or estimated heights; null when absent. */
  function startOf(key: string): number | null {
    const index = rows.value.findIndex((row) => keyOf(row) === key);
    if (index < 0) return null;
    virtualizer.value.getVirtualItems(); // brings the measurements up to date with the rows
    return virtualizer.value.measurementsCache[index]?.start ?? null;
  }

  return { virtualizer, visible, totalSize, measured, measure, rowStyle, startOf };
}
