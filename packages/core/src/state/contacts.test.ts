import { describe, expect, it } from 'vitest';
import { friend, friendRequest } from '../__tests__/fixtures.js';
import { friendsReducer } from './contacts.js';
import { requestsReducer } from './requests.js';

describe('friendsReducer', () => {
  const loaded = friendsReducer([], { type: 'friends/loaded', friends: [friend('u2', 'Zoe'), friend('u1', 'Ada'), friend('u2', 'Zoe')] });

  it('sorts friends by display name with one entry per user', () => {
    expect(loaded.map((item) => item.user.displayName)).toEqual(['Ada', 'Zoe']);
  });

  it('adds a friend in name order once, even when friend:added arrives twice', () => {
    const added = friendsReducer(loaded, { type: 'friend/added', friend: friend('u3', 'Bob') });
    const again = friendsReducer(added, { type: 'friend/added', friend: friend('u3', 'Bob') });
    expect(again.map((item) => item.user.id)).toEqual(['u1', 'u3', 'u2']);
  });

  it('removes a friend by user id and ignores an unknown one', () => {
    expect(friendsReducer(loaded, { type: 'friend/removed', userId: 'u1' }).map((item) => item.user.id)).toEqual(['u2']);
    expect(friendsReducer(loaded, { type: 'friend/removed', userId: 'nobody' })).toBe(loaded);
  });
});

describe('requestsReducer', () => {
  const loaded = requestsReducer([], { type: 'requests/loaded', requests: [friendRequest('r1', 10), friendRequest('r2', 30)] });

  it('lists requests newest first', () => {
    expect(loaded.map((request) => request.id)).toEqual(['r2', 'r1']);
  });

  it('upserts by id: request:new then request:updated leaves one request with the new status', () => {
    const created = requestsReducer(loaded, { type: 'request/upserted', request: friendRequest('r3', 20) });
    const updated = requestsReducer(created, {
      type: 'request/upserted',
      request: friendRequest('r3', 20, { status: 'accepted', updatedAt: 40 }),
    });
    expect(updated.map((request) => `${request.id}:${request.status}`)).toEqual(['r2:pending', 'r3:accepted', 'r1:pending']);
  });

  it('keeps the newer version when an older update arrives late', () => {
    const accepted = requestsReducer(loaded, {
      type: 'request/upserted',
      request: friendRequest('r1', 10, { status: 'accepted', updatedAt: 50 }),
    });
    expect(requestsReducer(accepted, { type: 'request/upserted', request: friendRequest('r1', 10) })).toBe(accepted);
  });
});
