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
 * Whitespace, format characters (zero-width spaces and joiners, bidi controls, soft hyphen) and the
 * blank filler letters that render as nothing.
 */
const INVISIBLE = /^[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** Whether a text shows nothing at all; such a message or name is refused. */
export function isBlankText(text: string): boolean {
  return INVISIBLE.test(text);
}

/** Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

/** Whether a text holds bidi controls, which can make a name read as something else; names refuse them. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}
