import type { FriendsResponse, OkResponse, UsersResponse } from '@confab/protocol';
import { UserIdParamsSchema, UsersQuerySchema } from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** GET /users?query=, GET /friends, DELETE /friends/:userId. */
export function registerUserRoutes(app: App, { accounts, friendship }: Services): void {
  app.get('/users', { schema: { querystring: UsersQuerySchema } }, async (request): Promise<UsersResponse> => ({
    users: await accounts.search(request.userId, request.query.query),
  }));

  app.get('/friends', async (request): Promise<FriendsResponse> => ({ friends: await friendship.listFriends(request.userId) }));

  app.delete('/friends/:userId', { schema: { params: UserIdParamsSchema } }, async (request): Promise<OkResponse> => {
    await friendship.removeFriend(request.userId, request.params.userId);
    return { ok: true };
  });
}
