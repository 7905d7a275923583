import type { Request } from '@confab/protocol';
import type { ChatAction } from './actions.js';

/** Newest first, then id so the order is stable. */
export function compareRequests(a: Request, b: Request): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Inserts or replaces by id; an older version (smaller `updatedAt`) never replaces a newer one. */
function upsertRequest(requests: readonly Request[], request: Request): readonly Request[] {
  const known = requests.find((existing) => existing.id === request.id);
  if (known && known.updatedAt > request.updatedAt) return requests;
  const rest = known ? requests.filter((existing) => existing !== known) : requests;
  return [...rest, request].sort(compareRequests);
}

/** Incoming and outgoing requests, one per id, newest first. */
export function requestsReducer(state: readonly Request[], action: ChatAction): readonly Request[] {
  switch (action.type) {
    case 'requests/loaded':
      return action.requests.reduce(upsertRequest, [] as readonly Request[]);
    case 'request/upserted':
      return upsertRequest(state, action.request);
    case 'session/reset':
      return [];
    default:
      return state;
  }
}
