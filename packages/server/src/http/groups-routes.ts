import type { GroupMembersResponse, GroupResponse, GroupsResponse, OkResponse, ReadsResponse } from '@confab/protocol';
import {
  AddMemberBodySchema,
  CreateGroupBodySchema,
  GroupsQuerySchema,
  IdParamsSchema,
  MemberParamsSchema,
  SetRoleBodySchema,
  UpdateGroupBodySchema,
  UserIdParamsSchema,
} from '../schemas.js';
import type { Services } from '../services/index.js';
import type { App } from './types.js';

/** /groups: create, search, read, edit, dissolve; members, roles and ownership; /conversations/:id/reads. */
export function registerGroupRoutes(app: App, { groups }: Services): void {
  app.post('/groups', { schema: { body: CreateGroupBodySchema } }, async (request, reply): Promise<GroupResponse> => {
    const group = await groups.create(request.userId, request.body);
    reply.status(201);
    return { group };
  });

  app.get('/groups', { schema: { querystring: GroupsQuerySchema } }, async (request): Promise<GroupsResponse> => ({
    groups: await groups.search(request.userId, request.query.query),
  }));

  app.get('/groups/:id', { schema: { params: IdParamsSchema } }, async (request): Promise<GroupResponse> => ({
    group: await groups.get(request.params.id, request.userId),
  }));

  app.patch('/groups/:id', { schema: { params: IdParamsSchema, body: UpdateGroupBodySchema } }, async (request): Promise<GroupResponse> => ({
    group: await groups.update(request.userId, request.params.id, request.body),
  }));

  app.delete('/groups/:id', { schema: { params: IdParamsSchema } }, async (request): Promise<OkResponse> => {
    await groups.dissolve(request.userId, request.params.id);
    return { ok: true };
  });

  app.get('/groups/:id/members', { schema: { params: IdParamsSchema } }, async (request): Promise<GroupMembersResponse> => ({
    members: await groups.members(request.userId, request.params.id),
  }));

  app.post(
    '/groups/:id/members',
    { schema: { params: IdParamsSchema, body: AddMemberBodySchema } },
    async (request, reply): Promise<GroupMembersResponse> => {
      const members = await groups.addMember(request.userId, request.params.id, request.body.userId);
      reply.status(201);
      return { members };
    },
  );

  app.delete('/groups/:id/members/:userId', { schema: { params: MemberParamsSchema } }, async (request): Promise<OkResponse> => {
    await groups.removeMember(request.userId, request.params.id, request.params.userId);
    return { ok: true };
  });

  app.patch(
    '/groups/:id/members/:userId',
    { schema: { params: MemberParamsSchema, body: SetRoleBodySchema } },
    async (request): Promise<GroupMembersResponse> => ({
      members: await groups.setRole(request.userId, request.params.id, request.params.userId, request.body.role),
    }),
  );

  app.post(
    '/groups/:id/owner',
    { schema: { params: IdParamsSchema, body: UserIdParamsSchema } },
    async (request): Promise<GroupMembersResponse> => ({
      members: await groups.transferOwner(request.userId, request.params.id, request.body.userId),
    }),
  );

  app.get('/conversations/:id/reads', { schema: { params: IdParamsSchema } }, async (request): Promise<ReadsResponse> => ({
    reads: await groups.reads(request.userId, request.params.id),
  }));
}
