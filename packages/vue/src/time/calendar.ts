import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The calendar day of `timestamp` in `timeZone`, as `YYYY-MM-DD` (the key day separators group by). */
export function calendarDay(timestamp: number, timeZone: string): string {
  return dayjs(timestamp).tz(timeZone).format('YYYY-MM-DD');
}

/**
 * How many calendar days `timestamp` lies before `now` in `timeZone`: 0 today, 1 yesterday, -1 tomorrow.
 * Counted on dates, not on 24-hour spans, so a day of 23 or 25 hours (a daylight-saving change) is one day.
 */
export function daysAgo(timestamp: number, now: number, timeZone: string): number {
  const then = Date.parse(`${calendarDay(timestamp, timeZone)}T00:00:00Z`);
  const today = Date.parse(`${calendarDay(now, timeZone)}T00:00:00Z`);
  return Math.round((today - then) / 86_400_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `Intl.DateTimeFormat` for a locale, zone and options, built once. @internal */
export function dateFormatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Whether `timestamp` and `now` fall in the same calendar year in `timeZone`. */
export function sameYear(timestamp: number, now: number, timeZone: string): boolean {
  return calendarDay(timestamp, timeZone).slice(0, 4) === calendarDay(now, timeZone).slice(0, 4);
}
