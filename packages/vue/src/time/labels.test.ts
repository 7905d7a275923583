import { describe, expect, it } from 'vitest';
import { createConfabI18n } from '../i18n/i18n.js';
import { calendarDay, daysAgo } from './calendar.js';
import { clockTime, dayLabel, listTime } from './labels.js';
import type { TimeContext } from './labels.js';

function context(timeZone: string, locale = 'en'): TimeContext {
  const i18n = createConfabI18n({ locale, timeZone });
  return { t: i18n.t, locale: i18n.locale.value, timeZone };
}

describe('calendar days in the viewer time zone', () => {
  const tokyo = context('Asia/Tokyo');
  const now = Date.parse('2024-03-05T08:30:00+09:00');

  it('a viewer in Asia/Tokyo at 08:30 sees a message from 07:00 that morning under "Today"', () => {
    expect(dayLabel(Date.parse('2024-03-05T07:00:00+09:00'), now, tokyo)).toBe('Today');
  });

  it('counts calendar days, not 24-hour spans: 23:00 the evening before is "Yesterday" 9.5 hours later', () => {
    expect(dayLabel(Date.parse('2024-03-04T23:00:00+09:00'), now, tokyo)).toBe('Yesterday');
  });

  it('never uses UTC days: in UTC the two Tokyo messages fall on the same day, in Tokyo they do not', () => {
    const morning = Date.parse('2024-03-05T07:00:00+09:00');
    const evening = Date.parse('2024-03-04T23:00:00+09:00');
    expect(calendarDay(morning, 'UTC')).toBe(calendarDay(evening, 'UTC'));
    expect(calendarDay(morning, 'Asia/Tokyo')).toBe('2024-03-05');
    expect(calendarDay(evening, 'Asia/Tokyo')).toBe('2024-03-04');
  });

  it('stays right across a daylight-saving change (New York, 23-hour and 25-hour days)', () => {
    const spring = Date.parse('2024-03-11T00:30:00-04:00');
    expect(daysAgo(Date.parse('2024-03-10T00:10:00-05:00'), spring, 'America/New_York')).toBe(1);
    expect(daysAgo(Date.parse('2024-03-09T23:50:00-05:00'), spring, 'America/New_York')).toBe(2);
    const autumn = Date.parse('2024-11-03T23:59:00-05:00');
    expect(daysAgo(Date.parse('2024-11-03T00:00:00-04:00'), autumn, 'America/New_York')).toBe(0);
    expect(daysAgo(Date.parse('2024-11-02T23:59:00-04:00'), autumn, 'America/New_York')).toBe(1);
  });

  it('names the weekday within the week and the date before, with the year only for other years', () => {
    expect(dayLabel(Date.parse('2024-03-02T12:00:00+09:00'), now, tokyo)).toBe('Saturday');
    expect(dayLabel(Date.parse('2024-02-20T12:00:00+09:00'), now, tokyo)).toBe('Tue, February 20');
    expect(dayLabel(Date.parse('2023-12-31T12:00:00+09:00'), now, tokyo)).toBe('December 31, 2023');
  });

  it('speaks the viewer locale', () => {
    const at = Date.parse('2024-03-05T07:00:00+09:00');
    expect(dayLabel(at, now, context('Asia/Tokyo', 'zh-CN'))).toBe('今天');
    expect(dayLabel(Date.parse('2024-03-04T07:00:00+09:00'), now, context('Asia/Tokyo', 'ar'))).toBe('أمس');
    expect(dayLabel(Date.parse('2024-02-20T12:00:00+09:00'), now, context('Asia/Tokyo', 'de'))).toBe('Di., 20. Februar');
  });

  it('list times: the clock today, "Yesterday", then short dates', () => {
    expect(listTime(Date.parse('2024-03-05T07:05:00+09:00'), now, tokyo)).toMatch(/^7:05\sAM$/u);
    expect(listTime(Date.parse('2024-03-05T07:05:00+09:00'), now, context('Asia/Tokyo', 'de'))).toBe('07:05');
    expect(listTime(Date.parse('2024-03-04T22:00:00+09:00'), now, tokyo)).toBe('Yesterday');
    expect(listTime(Date.parse('2024-01-15T22:00:00+09:00'), now, tokyo)).toBe('Jan 15');
    expect(clockTime(Date.parse('2024-03-05T07:05:00+09:00'), context('Europe/Paris'))).toMatch(/^11:05\sPM$/u);
  });
});

describe('last seen', () => {
  it('counts calendar days in the viewer zone: 23:30 the evening before is "yesterday" in Tokyo, today in UTC', async () => {
    const { lastSeenLabel } = await import('./labels.js');
    const now = Date.parse('2024-03-05T08:30:00+09:00');
    const evening = Date.parse('2024-03-04T23:30:00+09:00');
    expect(lastSeenLabel(evening, now, context('Asia/Tokyo'))).toBe('last seen yesterday at 11:30 PM');
    expect(lastSeenLabel(evening, now, context('UTC'))).toBe('last seen today at 2:30 PM');
    expect(lastSeenLabel(Date.parse('2023-12-31T12:00:00+09:00'), now, context('Asia/Tokyo'))).toBe('last seen Dec 31, 2023 at 12:00 PM');
    expect(lastSeenLabel(evening, now, context('Asia/Tokyo', 'zh-CN'))).toBe('最后在线：昨天 23:30');
  });
});
