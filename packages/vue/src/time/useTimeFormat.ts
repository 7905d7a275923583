import { computed } from 'vue';
import type { ComputedRef } from 'vue';
import { useI18n } from '../i18n/i18n.js';
import type { TimeContext } from './labels.js';

/** The locale, zone and translator time labels are made with, following the plugin's i18n. */
export function useTimeContext(): ComputedRef<TimeContext> {
  const i18n = useI18n();
  return computed(() => ({ t: i18n.t, locale: i18n.locale.value, timeZone: i18n.timeZone.value }));
}
