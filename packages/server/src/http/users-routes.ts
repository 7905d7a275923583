import type { BlockResponse, BlocksResponse, FriendsResponse, OkResponse, UsersResponse } from '@confab/protocol';
import { BlockBodySchema, UserIdParamsSchema, UsersQuerySchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** GET /users?query=, GET /friends, DELETE /friends/:userId, GET /blocks, POST /blocks, DELETE /blocks/:userId. */
export function registerUserRoutes(app: App, { accounts, friendship, blocks }: Services): void {
  app.get('/users', { schema: { querystring: UsersQuerySchema } }, async (request): Promise<UsersResponse> => ({
    users: await accounts.search(request.userId, request.query.query),
  }));

  app.get('/friends', async (request): Promise<FriendsResponse> => ({ friends: await friendship.listFriends(request.userId) }));

  app.delete('/friends/:userId', { schema: { params: UserIdParamsSchema } }, async (request): Promise<OkResponse> => {
    await friendship.removeFriend(request.userId, request.params.userId);
    return { ok: true };
  });

  app.get('/blocks', async (request): Promise<BlocksResponse> => ({ blocks: await blocks.list(request.userId) }));

  app.post('/blocks', { schema: { body: BlockBodySchema } }, async (request): Promise<BlockResponse> => ({
    block: await blocks.block(request.userId, request.body.userId),
  }));

  app.delete('/blocks/:userId', { schema: { params: UserIdParamsSchema } }, async (request): Promise<OkResponse> => {
    await blocks.unblock(request.userId, request.params.userId);
    return { ok: true };
  });
}
