import { LIMITS, NAME_PROBLEMS, nameProblem, type AuthResponse, type User } from '@confab/protocol';
import { ASSISTANT_USER_ID, isAssistant } from '../ai/assistant-user.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { verifyHostToken } from '../auth/host-tokens.js';
import type { TokenService } from '../auth/tokens.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import type { LoginInput, RegisterInput } from '../schemas.js';
import type { ServiceContext } from './context.js';
import { upsertHostUser } from './host-users.js';

const BAD_CREDENTIALS = 'Wrong username or password';

/** The display name to store: the given one trimmed, or the username when none (or a blank one) is given. */
function displayNameFor(input: RegisterInput): string {
  const given = input.displayName?.trim() ?? '';
  const problem = nameProblem(given);
  if (problem === 'blank') return input.username;
  if (problem) {
    throw new ApiError('VALIDATION', `The display name ${NAME_PROBLEMS[problem]}`, { fields: [{ field: 'displayName', problem: NAME_PROBLEMS[problem] }] });
  }
  return given;
}

export function createAccountService(context: ServiceContext, tokens: TokenService) {
  const { store } = context;

  async function authResponse(user: User): Promise<AuthResponse> {
    const { token, expiresAt } = await tokens.issue(user.id);
    return { user, token, expiresAt };
  }

  return {
    async register(input: RegisterInput): Promise<AuthResponse> {
      const displayName = displayNameFor(input);
      const id = newId('u');
      const passwordHash = await hashPassword(input.password);
      const created = await store.createUser({ id, username: input.username, displayName, passwordHash, createdAt: context.now() });
      if (!created) throw new ApiError('CONFLICT', 'That username is taken', { field: 'username' });
      await store.makeFriends(id, ASSISTANT_USER_ID, context.now(), newId('c'));
      return authResponse({ id, username: input.username, displayName, avatarUrl: null });
    },

    async login(input: LoginInput): Promise<AuthResponse> {
      const record = await store.findUserByUsername(input.username);
      const valid = await verifyPassword(record?.passwordHash ?? (await decoyPasswordHash()), input.password);
      if (!record || !valid || isAssistant(record.id)) throw new ApiError('UNAUTHORIZED', BAD_CREDENTIALS);
      const { passwordHash: _hash, createdAt: _createdAt, ...user } = record;
      return authResponse(user);
    },

    /** Trades a host-signed identity token for a session, creating or updating the host's user. */
    async exchange(hostToken: string): Promise<AuthResponse> {
      const identity = await verifyHostToken(hostToken, context.embedApps ?? [], context.now());
      return authResponse(await upsertHostUser(store, identity, context.now()));
    },

    /** The caller's profile; a token for a user that no longer exists is UNAUTHORIZED. */
    async me(userId: string): Promise<User> {
      const user = await store.getUser(userId);
      if (!user) throw new ApiError('UNAUTHORIZED', 'The session token is invalid');
      return user;
    },

    async search(userId: string, query: string): Promise<User[]> {
      const trimmed = query.trim();
      if (trimmed === '') return [];
      return store.searchUsers(trimmed, userId, LIMITS.searchResultsMax);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
