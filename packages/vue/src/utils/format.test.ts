import { describe, expect, it } from 'vitest';
import { colorFromId, initials } from './format.js';
import { errorMessage } from './errors.js';

describe('initials and colours', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Alice Liddell')).toBe('AL');
    expect(initials('ada mary lovelace')).toBe('AL');
    expect(initials('bob')).toBe('B');
    expect(initials('   ')).toBe('?');
  });

  it('gives the same colour to the same id and a valid hsl value', () => {
    expect(colorFromId('u-1')).toBe(colorFromId('u-1'));
    expect(colorFromId('u-1')).toMatch(/^hsl\(\d+ 60% 30%\)$/);
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
