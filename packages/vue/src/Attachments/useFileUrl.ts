import { onMounted, ref, watch, type Ref } from 'vue';
import { useChatClient } from '../plugin.js';

/**
 * A signed URL for a file, fetched on mount and whenever the id changes (a pending upload gets its id). `renew()` asks for a fresh one (an image whose URL
 * expired fails to load: call it from `@error`); it renews at most once per successful load.
 * @internal
 */
export function useFileUrl(fileId: () => string): { url: Ref<string | null>; renew(): void; loaded(): void } {
  const client = useChatClient();
  const url = ref<string | null>(null);
  let renewed = false;
  const fetchUrl = (fresh: boolean): void => {
    const id = fileId();
    if (!id) return;
    client.fileUrl(id, { fresh }).then(
      (value) => (url.value = value),
      () => (url.value = null),
    );
  };
  onMounted(() => {
    fetchUrl(false);
    watch(fileId, () => fetchUrl(false));
  });
  return {
    url,
    renew() {
      if (renewed) return;
      renewed = true;
      fetchUrl(true);
    },
    loaded() {
      renewed = false;
    },
  };
}
