import { describe, expect, it } from 'vitest';
import { colorFromId, formatClock, formatListTime, initials } from './format.js';
import { errorMessage } from './errors.js';

describe('formatListTime', () => {
  it('shows HH:mm for a time earlier today', () => {
    const now = new Date(2024, 4, 10, 18, 30).getTime();
    expect(formatListTime(new Date(2024, 4, 10, 9, 5).getTime(), now)).toBe('09:05');
  });

  it('shows a short date, not a clock, for an earlier day', () => {
    const now = new Date(2024, 4, 10, 18, 30).getTime();
    const text = formatListTime(new Date(2024, 4, 9, 23, 59).getTime(), now);
    expect(text).not.toContain(':');
    expect(text).toMatch(/9/);
  });

  it('adds the year for another year', () => {
    const now = new Date(2024, 0, 2).getTime();
    expect(formatListTime(new Date(2023, 11, 31).getTime(), now)).toMatch(/2023/);
  });

  it('formatClock pads hours and minutes', () => {
    expect(formatClock(new Date(2024, 0, 1, 7, 3).getTime())).toBe('07:03');
  });
});

describe('initials and colours', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Alice Liddell')).toBe('AL');
    expect(initials('ada mary lovelace')).toBe('AL');
    expect(initials('bob')).toBe('B');
    expect(initials('   ')).toBe('?');
  });

  it('gives the same colour to the same id and a valid hsl value', () => {
    expect(colorFromId('u-1')).toBe(colorFromId('u-1'));
    expect(colorFromId('u-1')).toMatch(/^hsl\(\d+ 55% 42%\)$/);
  });
});

describe('errorMessage', () => {
  it('shows the message of a ConfabError-like error', () => {
    expect(errorMessage(Object.assign(new Error('Username taken'), { code: 'CONFLICT' }))).toBe('Username taken');
  });

  it('falls back to a text for the code, then to a generic text', () => {
    expect(errorMessage({ code: 'NETWORK', message: '' })).toMatch(/reach the server/);
    expect(errorMessage(undefined)).toMatch(/went wrong/);
  });
});
