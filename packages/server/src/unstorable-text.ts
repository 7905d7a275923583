/** U+0000, or a UTF-16 surrogate that is not half of a pair: text neither PostgreSQL nor a UTF-8 reader can hold. */
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (!found) return null;
  return found[0] === '\u0000' ? 'contains a NUL character (U+0000)' : 'contains a lone UTF-16 surrogate (not valid Unicode)';
}

/** Where in a value (a path of keys) a string or a property name holds unstorable text, and why. */
export interface UnstorableText {
  path: string[];
  problem: string;
}

/**
 * Looks through every string and property name of a parsed payload (iteratively: a deeply nested
 * body cannot overflow the stack) and returns the first unstorable one, or null.
 * @example findUnstorableText({ content: { text: 'a\u0000b' } }) // { path: ['content', 'text'], problem: 'contains a NUL character (U+0000)' }
 */
export function findUnstorableText(value: unknown): UnstorableText | null {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (typeof item.value === 'string') {
      const problem = unstorableTextProblem(item.value);
      if (problem) return { path: item.path, problem };
    } else if (typeof item.value === 'object' && item.value !== null) {
      for (const [key, child] of Object.entries(item.value)) {
        const path = [...item.path, key];
        const problem = unstorableTextProblem(key);
        if (problem) return { path, problem: `has a property name that ${problem}` };
        pending.push({ value: child, path });
      }
    }
  }
  return null;
}
