import { LIMITS, textLength } from '@confab/protocol';

const USERNAME = new RegExp(LIMITS.usernamePattern);

/** Plain-language hint shown under the username on the register form. @internal */
export const USERNAME_HINT = `${LIMITS.usernameMinLength}–${LIMITS.usernameMaxLength} letters (a–z), digits, “_”, “.” or “-”.`;

/**
 * Every problem with a registration, in words a person understands, checked before anything is
 * sent (the server checks the same rules). Empty when the input is fine. @internal
 */
export function registrationProblems(input: { username: string; password: string; displayName: string }): string[] {
  const problems: string[] = [];
  const username = input.username.trim();
  if (username.length < LIMITS.usernameMinLength || username.length > LIMITS.usernameMaxLength || !USERNAME.test(username)) {
    problems.push(`Username: use ${USERNAME_HINT.charAt(0).toLowerCase()}${USERNAME_HINT.slice(1)}`);
  }
  if (input.password.length < LIMITS.passwordMinLength) {
    problems.push(`Password: use at least ${LIMITS.passwordMinLength} characters.`);
  } else if (input.password.length > LIMITS.passwordMaxLength) {
    problems.push(`Password: use at most ${LIMITS.passwordMaxLength} characters.`);
  }
  if (textLength(input.displayName.trim()) > LIMITS.displayNameMaxLength) {
    problems.push(`Display name: use at most ${LIMITS.displayNameMaxLength} characters.`);
  }
  return problems;
}
