import type { ConfabI18n } from '../i18n/i18n.js';
import { dateFormatter, daysAgo, sameYear } from './calendar.js';

/** The pieces of {@link ConfabI18n} a time label needs. */
export type TimeContext = Pick<ConfabI18n, 't'> & { locale: string; timeZone: string };

/** The clock time (`14:05`, `下午2:05`, ...) of `timestamp` in the viewer's locale and zone. */
export function clockTime(timestamp: number, context: TimeContext): string {
  return dateFormatter(context.locale, context.timeZone, { timeStyle: 'short' }).format(timestamp);
}

/**
 * The title of a day separator: "Today", "Yesterday", the weekday within the last week, else the date
 * (with the year when it is not this year) — all by calendar day in the viewer's zone.
 */
export function dayLabel(timestamp: number, now: number, context: TimeContext): string {
  const days = daysAgo(timestamp, now, context.timeZone);
  if (days === 0) return context.t('time.today');
  if (days === 1) return context.t('time.yesterday');
  const { locale, timeZone } = context;
  if (days > 1 && days < 7) return dateFormatter(locale, timeZone, { weekday: 'long' }).format(timestamp);
  const options: Intl.DateTimeFormatOptions = sameYear(timestamp, now, timeZone)
    ? { month: 'long', day: 'numeric', weekday: 'short' }
    : { year: 'numeric', month: 'long', day: 'numeric' };
  return dateFormatter(locale, timeZone, options).format(timestamp);
}

/** The short time in a conversation row: the clock today, "Yesterday", a weekday this week, else a short date. */
export function listTime(timestamp: number, now: number, context: TimeContext): string {
  const days = daysAgo(timestamp, now, context.timeZone);
  if (days === 0) return clockTime(timestamp, context);
  if (days === 1) return context.t('time.yesterday');
  const { locale, timeZone } = context;
  if (days > 1 && days < 7) return dateFormatter(locale, timeZone, { weekday: 'short' }).format(timestamp);
  const options: Intl.DateTimeFormatOptions = sameYear(timestamp, now, timeZone)
    ? { month: 'short', day: 'numeric' }
    : { year: 'numeric', month: 'numeric', day: 'numeric' };
  return dateFormatter(locale, timeZone, options).format(timestamp);
}

/** A full date and time, for `title` attributes. */
export function fullTime(timestamp: number, context: TimeContext): string {
  return dateFormatter(context.locale, context.timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(timestamp);
}

/**
 * "last seen …" of a friend: just now, minutes ago within the hour, then today / yesterday at the clock
 * time, else the date (with the year when it is not this year) — by calendar day in the viewer's zone.
 */
export function lastSeenLabel(timestamp: number, now: number, context: TimeContext): string {
  const minutes = Math.floor((now - timestamp) / 60_000);
  if (minutes < 1) return context.t('presence.lastSeenJustNow');
  if (minutes < 60) return context.t('presence.lastSeenMinutes', { count: minutes });
  const time = clockTime(timestamp, context);
  const days = daysAgo(timestamp, now, context.timeZone);
  if (days === 0) return context.t('presence.lastSeenToday', { time });
  if (days === 1) return context.t('presence.lastSeenYesterday', { time });
  const options: Intl.DateTimeFormatOptions = sameYear(timestamp, now, context.timeZone) ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' };
  return context.t('presence.lastSeenOn', { date: dateFormatter(context.locale, context.timeZone, options).format(timestamp), time });
}
