/**
 * Text rules shared by the server and clients, so both count and judge user text the same way.
 */

/**
 * The length of a text as Confab's limits count it: Unicode code points (what JSON Schema's
 * `maxLength` counts), so an emoji or a CJK character counts as one.
 * @example textLength('héllo😀') === 6
 */
export function textLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * Whitespace, format characters (zero-width spaces and joiners, bidi controls, soft hyphen), combining
 * marks with nothing to combine with (variation selectors, lone accents) and the blank filler letters
 * that render as nothing.
 */
const INVISIBLE = /^[\p{White_Space}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** Whether a text shows nothing at all; such a message or name is refused. */
export function isBlankText(text: string): boolean {
  return INVISIBLE.test(text);
}

/** Bidi marks, embeddings, overrides and isolates (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;

/** Whether a text holds bidi controls, which can make a name read as something else; names refuse them. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/** Why a text cannot be a name (of a person or a group), or null when it can. */
export type NameProblem = 'blank' | 'bidi' | 'control';

/**
 * The one rule for names: something visible, no bidi controls (they make a name read as something
 * else), no control characters (line breaks, NUL, bell).
 * @example nameProblem('Support\u202Efdp.exe') === 'bidi'
 */
export function nameProblem(name: string): NameProblem | null {
  if (isBlankText(name)) return 'blank';
  if (hasBidiControls(name)) return 'bidi';
  if (/\p{Cc}/u.test(name)) return 'control';
  return null;
}

/** The words for a {@link NameProblem}, for error messages. */
export const NAME_PROBLEMS: Readonly<Record<NameProblem, string>> = {
  blank: 'has no visible characters',
  bidi: 'contains bidirectional control characters',
  control: 'contains control characters such as line breaks',
};
