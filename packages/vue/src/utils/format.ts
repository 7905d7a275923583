/** @internal `HH:mm` when `timestamp` is on the same local day as `now`, else a short date. */
export function formatListTime(timestamp: number, now: number = Date.now()): string {
  const date = new Date(timestamp);
  const today = new Date(now);
  if (sameDay(date, today)) return formatClock(timestamp);
  const options: Intl.DateTimeFormatOptions =
    date.getFullYear() === today.getFullYear()
      ? { month: 'short', day: 'numeric' }
      : { year: 'numeric', month: 'short', day: 'numeric' };
  return date.toLocaleDateString(undefined, options);
}

/** @internal `HH:mm` in local time. */
export function formatClock(timestamp: number): string {
  const date = new Date(timestamp);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** @internal A full local date and time, for `title` attributes. */
export function formatFull(timestamp: number): string {
  return new Date(timestamp).toLocaleString();
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** @internal Up to two initials from a display name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase() || '?';
}

/** @internal A stable background colour for an id (same id, same colour). */
export function colorFromId(id: string): string {
  let hash = 0;
  for (let index = 0; index < id.length; index++) hash = (hash * 31 + id.charCodeAt(index)) | 0;
  const hue = Math.abs(hash) % 360;
  return `hsl(${hue} 55% 42%)`;
}

/** "1 member", "3 members". */
export function membersText(count: number): string {
  return `${count} ${count === 1 ? 'member' : 'members'}`;
}
