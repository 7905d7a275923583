import { LIMITS, textLength } from '@confab/protocol';
import { englishText, type Translate } from '../i18n/i18n.js';

const USERNAME = new RegExp(LIMITS.usernamePattern);

/** Plain-language hint shown under the username on the register form. @internal */
export function usernameHint(t: Translate = englishText): string {
  return t('auth.usernameHint', { min: LIMITS.usernameMinLength, max: LIMITS.usernameMaxLength });
}

/**
 * Every problem with a registration, in words a person understands (worded by `t`), checked
 * before anything is sent (the server checks the same rules). Empty when the input is fine. @internal
 */
export function registrationProblems(input: { username: string; password: string; displayName: string }, t: Translate = englishText): string[] {
  const problems: string[] = [];
  const username = input.username.trim();
  if (username.length < LIMITS.usernameMinLength || username.length > LIMITS.usernameMaxLength || !USERNAME.test(username)) {
    problems.push(t('auth.problem.username', { hint: usernameHint(t) }));
  }
  if (input.password.length < LIMITS.passwordMinLength) {
    problems.push(t('auth.problem.tooShort', { field: t('auth.password'), min: LIMITS.passwordMinLength }));
  } else if (input.password.length > LIMITS.passwordMaxLength) {
    problems.push(t('auth.problem.tooLong', { field: t('auth.password'), max: LIMITS.passwordMaxLength }));
  }
  if (textLength(input.displayName.trim()) > LIMITS.displayNameMaxLength) {
    problems.push(t('auth.problem.tooLong', { field: t('auth.displayName'), max: LIMITS.displayNameMaxLength }));
  }
  return problems;
}
