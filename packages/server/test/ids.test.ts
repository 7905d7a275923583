import { describe, expect, it } from 'vitest';
import { newId, newMessageId, newMessageStamp } from '../src/ids.js';

describe('ids', () => {
  it('makes prefixed, URL-safe random ids that do not repeat', () => {
    const ids = Array.from({ length: 5000 }, () => newId('u'));
    expect(new Set(ids).size).toBe(5000);
    for (const id of ids) expect(id).toMatch(/^u_[A-Za-z0-9_-]{16}$/);
  });

  it('orders message ids by their time, byte by byte, and keeps those of one millisecond apart', () => {
    const early = newMessageId(Date.UTC(2026, 0, 1));
    const later = newMessageId(Date.UTC(2026, 0, 1) + 1);
    const far = newMessageId(Date.UTC(2100, 0, 1));
    expect(early).toMatch(/^m_[0-9a-f]{12}[A-Za-z0-9_-]{12}$/);
    expect(early.slice(2, 14)).toBe(Date.UTC(2026, 0, 1).toString(16).padStart(12, '0'));
    expect([far, later, early].sort()).toEqual([early, later, far]);
    const sameMs = Array.from({ length: 2000 }, () => newMessageId(1_000));
    expect(new Set(sameMs).size).toBe(2000);
  });

  it('stamps a message with an id that begins with its createdAt', () => {
    const { id, createdAt } = newMessageStamp(Date.UTC(2026, 11, 4, 12));
    expect(createdAt).toBe(Date.UTC(2026, 11, 4, 12));
    expect(id.slice(2, 14)).toBe(createdAt.toString(16).padStart(12, '0'));
  });
});
