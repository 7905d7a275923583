import { describe, expect, it } from 'vitest';
import { ME, PEER, message } from '../__tests__/fixtures.js';
import { applyMessageToList, applyMessagesToList, buildHomeList } from './home.js';

const conversations = [
  { id: 'a', readSeq: 0, activeAt: 0 },
  { id: 'b', readSeq: 1, activeAt: 0 },
  { id: 'c', readSeq: 0, activeAt: 500 },
];

describe('buildHomeList', () => {
  const messages = [
    message({ conversationId: 'a', seq: 1, createdAt: 100 }),
    message({ conversationId: 'b', seq: 2, createdAt: 300 }),
    message({ conversationId: 'a', seq: 3, createdAt: 400 }),
    message({ conversationId: 'a', seq: 2, createdAt: 200, senderId: ME }),
    message({ conversationId: 'b', seq: 1, createdAt: 50 }),
    message({ conversationId: 'zz', seq: 9, createdAt: 900 }),
  ];

  it('orders conversations by their newest activity and keeps the last message of each', () => {
    const list = buildHomeList(messages, conversations, ME);
    expect(list.map((row) => row.id)).toEqual(['c', 'a', 'b']);
    expect(list.map((row) => row.lastMessage?.seq ?? null)).toEqual([null, 3, 2]);
    expect(list.map((row) => row.lastSeq)).toEqual([0, 3, 2]);
    expect(list.map((row) => row.activeAt)).toEqual([500, 400, 300]);
  });

  it('counts unread from the read cursor, advanced by the own messages', () => {
    const list = buildHomeList(messages, conversations, ME);
    const byId = Object.fromEntries(list.map((row) => [row.id, row]));
    // a: own message at seq 2 moves the cursor to 2, so only seq 3 is unread.
    expect(byId.a).toMatchObject({ readSeq: 2, unread: 1 });
    expect(byId.b).toMatchObject({ readSeq: 1, unread: 1 });
    expect(byId.c).toMatchObject({ readSeq: 0, unread: 0 });
  });

  it('never counts own messages as unread', () => {
    const own = [1, 2, 3].map((seq) => message({ conversationId: 'a', seq, senderId: ME }));
    expect(buildHomeList(own, conversations, ME).find((row) => row.id === 'a')?.unread).toBe(0);
  });

  it('skips messages of conversations it was not given instead of inventing rows', () => {
    expect(buildHomeList(messages, conversations, ME).some((row) => row.id === 'zz')).toBe(false);
  });

  it('breaks activity ties by id so the order is stable', () => {
    const tied = [
      { id: 'y', readSeq: 0, activeAt: 7 },
      { id: 'x', readSeq: 0, activeAt: 7 },
    ];
    expect(buildHomeList([], tied, ME).map((row) => row.id)).toEqual(['x', 'y']);
  });

  it('keeps one row per conversation given twice, from the later entry, and no inner fields', () => {
    const twice = [...conversations, { id: 'a', readSeq: 3, activeAt: 0 }];
    const list = buildHomeList(messages, twice, ME);
    expect(list.map((row) => row.id)).toEqual(['c', 'a', 'b']);
    expect(list[1]).toEqual({ id: 'a', lastMessage: messages[2], lastSeq: 3, readSeq: 3, unread: 0, activeAt: 400 });
  });

  it('gives conversations named like Object properties rows of their own', () => {
    const named = [{ id: 'constructor', readSeq: 0, activeAt: 0 }, { id: '__proto__', readSeq: 0, activeAt: 0 }];
    const sent = [message({ conversationId: '__proto__', seq: 1, createdAt: 10 }), message({ conversationId: 'toString', seq: 1, createdAt: 20 })];
    const list = buildHomeList(sent, named, ME);
    expect(list.map((row) => [row.id, row.lastSeq, row.unread])).toEqual([['__proto__', 1, 1], ['constructor', 0, 0]]);
  });
});

describe('applyMessageToList', () => {
  const list = buildHomeList([message({ conversationId: 'a', seq: 1, createdAt: 100 })], conversations, ME);

  it('moves the conversation of a new message to the front and counts it unread', () => {
    const next = applyMessageToList(list, message({ conversationId: 'b', seq: 2, createdAt: 1000, senderId: PEER }), ME);
    expect(next.map((row) => row.id)).toEqual(['b', 'c', 'a']);
    expect(next[0]).toMatchObject({ lastSeq: 2, unread: 1 });
  });

  it('returns the same list when the message was already applied', () => {
    const once = applyMessageToList(list, message({ conversationId: 'b', seq: 2, createdAt: 1000 }), ME);
    expect(applyMessageToList(once, message({ conversationId: 'b', seq: 2, createdAt: 1000 }), ME)).toBe(once);
  });

  it('keeps the last message when an older one arrives late', () => {
    const newer = applyMessageToList(list, message({ conversationId: 'a', seq: 3, createdAt: 300 }), ME);
    const next = applyMessageToList(newer, message({ conversationId: 'a', seq: 2, createdAt: 200 }), ME);
    expect(next.find((row) => row.id === 'a')).toMatchObject({ lastSeq: 3, unread: 3, activeAt: 300 });
    expect(next.find((row) => row.id === 'a')?.lastMessage?.seq).toBe(3);
  });
});

describe('applyMessagesToList', () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, readSeq: 0, activeAt: i * 10 }));
  const list = buildHomeList([], rows, ME);
  const burst = Array.from({ length: 60 }, (_, i) =>
    message({ conversationId: `c${String((i * 7) % 30).padStart(2, '0')}`, seq: 1 + Math.floor(i / 3), createdAt: [5, 1000 + i, 150][i % 3] as number, senderId: i % 4 === 0 ? ME : PEER }),
  );

  it('gives the same list as applying the messages one by one, late and own messages included', () => {
    const oneByOne = burst.reduce<readonly (typeof list)[number][]>((current, next) => applyMessageToList(current, next, ME), list);
    expect(applyMessagesToList(list, burst, ME)).toEqual(oneByOne);
    expect(oneByOne.map((row) => row.id)).not.toEqual(list.map((row) => row.id));
  });

  it('returns the same list when no message changes a row', () => {
    const applied = applyMessagesToList(list, burst, ME);
    expect(applyMessagesToList(applied, burst, ME)).toBe(applied);
    expect(applyMessagesToList(list, [message({ conversationId: 'unknown', seq: 1 })], ME)).toBe(list);
  });
});

describe('applyMessageToList on a longer list', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, readSeq: 0, activeAt: 100 - i * 10 }));
  const list = buildHomeList([], rows, ME);

  it('moves a row up past newer ones only as far as its activity says', () => {
    const next = applyMessageToList(list, message({ conversationId: 'r7', seq: 1, createdAt: 75 }), ME);
    expect(next.map((row) => row.id)).toEqual(['r0', 'r1', 'r2', 'r7', 'r3', 'r4', 'r5', 'r6', 'r8', 'r9']);
    expect(list.map((row) => row.id)).toEqual(rows.map((row) => row.id));
  });

  it('keeps a row in place when its activity does not change its order', () => {
    const next = applyMessageToList(list, message({ conversationId: 'r4', seq: 1, createdAt: 10 }), ME);
    expect(next.map((row) => row.id)).toEqual(rows.map((row) => row.id));
    expect(next[4]).toMatchObject({ id: 'r4', lastSeq: 1, unread: 1 });
  });
});
