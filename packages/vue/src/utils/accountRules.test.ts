import { describe, expect, it } from 'vitest';
import { registrationProblems } from './accountRules.js';

describe('registrationProblems', () => {
  it('accepts a valid registration', () => {
    expect(registrationProblems({ username: 'dana_01', password: 'long enough', displayName: 'Dana' })).toEqual([]);
  });

  it('lists every problem at once, in plain words', () => {
    expect(registrationProblems({ username: 'Jürgen Ö', password: 'short', displayName: 'x'.repeat(65) })).toEqual([
      'Username: use 3–32 letters (a–z), digits, “_”, “.” or “-”.',
      'Password: use at least 8 characters.',
      'Display name: use at most 64 characters.',
    ]);
  });

  it('counts a display name in characters, so 64 emoji fit', () => {
    expect(registrationProblems({ username: 'emo', password: '12345678', displayName: '😀'.repeat(64) })).toEqual([]);
  });
});
