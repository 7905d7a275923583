import { describe, expect, it } from 'vitest';
import { ME, message, user } from './__tests__/fixtures.js';
import { fakeFetch, fakeIo } from './__tests__/fakes.js';
import { createChatClient } from './client.js';

function setup() {
  const found = { results: [{ message: message({ seq: 4 }), snippet: { before: 'at the ', match: 'Station', after: '' } }], hasMore: false };
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: user(ME), token: 't1', expiresAt: 9_000_000 } }),
    'GET /conversations': () => ({ body: { conversations: [] } }),
    'GET /friends': () => ({ body: { friends: [] } }),
    'GET /requests': () => ({ body: { requests: [] } }),
    'GET /messages/search': () => ({ body: found }),
  });
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: fakeIo().io });
  return { client, server, found };
}

describe('searchMessages', () => {
  it('asks the server with the trimmed text, encoded, and the conversation and limit when given', async () => {
    const { client, server, found } = setup();
    await client.login('me', 'password1');
    expect(await client.searchMessages('  café & 站 ')).toEqual(found);
    await client.searchMessages('station', { conversationId: 'c/1', limit: 5 });
    const paths = server.calls.filter((call) => call.path.startsWith('/messages/search')).map((call) => call.path);
    expect(paths).toEqual(['/messages/search?q=caf%C3%A9%20%26%20%E7%AB%99', '/messages/search?q=station&conversationId=c%2F1&limit=5']);
  });
});
