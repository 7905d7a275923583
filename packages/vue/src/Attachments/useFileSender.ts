import { ref, type Ref } from 'vue';
import { useChatClient } from '../plugin.js';
import { errorMessage } from '../utils/errors.js';
import { useI18n } from '../i18n/i18n.js';

/** The files of a DataTransfer or an input (drop, paste, file picker). @internal */
export function filesOf(list: FileList | null | undefined): File[] {
  return list ? Array.from(list) : [];
}

/**
 * Sends files to a conversation one message each. Errors (a file over the limit is refused before
 * any upload starts) land in `error`; uploads in flight show in the timeline.
 * @internal
 */
export function useFileSender(conversationId: () => string): { error: Ref<string | null>; send(files: readonly File[]): void } {
  const client = useChatClient();
  const { t } = useI18n();
  const error = ref<string | null>(null);
  return {
    error,
    send(files) {
      error.value = null;
      for (const file of files) {
        client.sendFile(conversationId(), file).catch((caught: unknown) => {
          if ((caught as { code?: unknown }).code !== 'ABORTED') error.value = errorMessage(caught, t);
        });
      }
    },
  };
}
