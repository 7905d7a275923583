import { ref } from 'vue';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../utils/errors.js';

/**
 * Runs a menu's chosen action: closes the menu, marks it busy while the action runs, and keeps the
 * error's text to show (cleared by the next action).
 */
export function useMenuAction() {
  const { t } = useI18n();
  const busy = ref(false);
  const error = ref<string | null>(null);

  async function run(close: () => void, action: () => Promise<unknown>): Promise<void> {
    close();
    busy.value = true;
    error.value = null;
    try {
      await action();
    } catch (caught) {
      error.value = errorMessage(caught, t);
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
