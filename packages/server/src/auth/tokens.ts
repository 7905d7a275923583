import { SignJWT, jwtVerify } from 'jose';
import { ApiError } from '../errors.js';

export interface IssuedToken {
  token: string;
  /** ms since epoch */
  expiresAt: number;
}

export interface VerifiedToken {
  userId: string;
  /** ms since epoch */
  expiresAt: number;
}

export interface TokenService {
  issue(userId: string): Promise<IssuedToken>;
  /** Throws ApiError UNAUTHORIZED for a missing, malformed, forged or expired token. */
  verify(token: string | undefined | null): Promise<VerifiedToken>;
}

/** HS256 session tokens: `sub` = user id, `iat`, `exp` = iat + ttl. */
export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(userId) {
      const issuedAt = Math.floor(Date.now() / 1000);
      const exp = issuedAt + ttlSeconds;
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: exp * 1000 };
    },
    async verify(token) {
      if (typeof token !== 'string' || token === '') throw new ApiError('UNAUTHORIZED', 'A session token is required');
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] });
        return { userId: payload.sub as string, expiresAt: (payload.exp as number) * 1000 };
      } catch (error) {
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw new ApiError('UNAUTHORIZED', expired ? 'The session token has expired' : 'The session token is invalid');
      }
    },
  };
}
