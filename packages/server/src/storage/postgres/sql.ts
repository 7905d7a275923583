/** Small helpers for writing the PostgreSQL queries. */

/**
 * Turns `@name` parameters (as the SQL fragments shared with the SQLite store use them) into
 * PostgreSQL's `$n`, one number per distinct name.
 * @example named('SELECT @a, @b, @a', { a: 1, b: 2 }) // { text: 'SELECT $1, $2, $1', values: [1, 2] }
 */
export function named(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/@([A-Za-z_]\w*)/g, (_match, name: string) => {
    if (!(name in params)) throw new Error(`No value for @${name}`);
    let index = order.indexOf(name);
    if (index === -1) index = order.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, values: order.map((name) => params[name]) };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern (backslash is PostgreSQL's default LIKE escape). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Conversations `c` newest activity first (ties by id, byte-wise as in SQLite). */
export const BY_ACTIVITY = 'ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id COLLATE "C"';
