import { ref, type Ref } from 'vue';
import { useChatClient } from '../plugin.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../utils/errors.js';

/** @internal Block and unblock with a busy flag and the last error as text (for the Blocks components). */
export function useBlocking(): { busy: Ref<boolean>; error: Ref<string | null>; run(action: 'block' | 'unblock', userId: string): Promise<boolean> } {
  const client = useChatClient();
  const { t } = useI18n();
  const busy = ref(false);
  const error = ref<string | null>(null);
  async function run(action: 'block' | 'unblock', userId: string): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      await client[action](userId);
      return true;
    } catch (caught) {
      error.value = errorMessage(caught, t);
      return false;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
