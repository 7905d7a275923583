import { LIMITS, NAME_PROBLEMS, isBlankText, nameProblem, textLength } from '@confab/protocol';
import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import type { EmbedApp } from '../config.js';
import { ApiError } from '../errors.js';
import { refuseUnstorableText } from '../validation.js';

/** The `aud` every host identity token carries. */
export const HOST_TOKEN_AUDIENCE = 'confab';
/** The longest lifetime (exp - iat) a host identity token may have, in seconds. */
export const HOST_TOKEN_MAX_TTL_SECONDS = 600;

export interface SignHostTokenOptions {
  /** The application id configured on the Confab server (`CONFAB_EMBED_APPS=appId:secret`); sent as `kid` and `iss`. */
  appId: string;
  /** The application's secret, the same string as on the Confab server. */
  secret: string;
  /** The host's own id of the signed-in user (`sub`); stable, at most 128 characters. */
  userId: string;
  /** The name Confab shows for the user. */
  name: string;
  /** An absolute http(s) URL of the user's picture. */
  avatar?: string | null;
  /** Lifetime in seconds, at most 600. @default 300 */
  ttlSeconds?: number;
}

/** What a verified host token says. */
export interface HostIdentity {
  appId: string;
  subject: string;
  name: string;
  avatarUrl: string | null;
}

/**
 * Signs a short-lived identity token for a host application's user, on the host's backend. The Confab
 * server trades it for a session at `POST /api/v1/auth/exchange`.
 * @example
 * const token = await signHostToken({ appId: 'shop', secret: process.env.CONFAB_SHOP_SECRET!, userId: 'u42', name: 'Ada' });
 */
export async function signHostToken(options: SignHostTokenOptions): Promise<string> {
  const ttl = options.ttlSeconds ?? 300;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > HOST_TOKEN_MAX_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be a whole number from 1 to ${HOST_TOKEN_MAX_TTL_SECONDS}`);
  }
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims: Record<string, string> = { name: options.name };
  if (options.avatar) claims.avatar = options.avatar;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: options.appId })
    .setIssuer(options.appId)
    .setAudience(HOST_TOKEN_AUDIENCE)
    .setSubject(options.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttl)
    .sign(new TextEncoder().encode(options.secret));
}

const invalid = (why: string) => new ApiError('UNAUTHORIZED', `The host token is invalid: ${why}`);

function stringClaim(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || isBlankText(value) || textLength(value.trim()) > max) {
    throw invalid(`${name} must be a string of 1 to ${max} visible characters`);
  }
  return value.trim();
}

/** A display name follows the rules of registration (`nameProblem`). */
function nameClaim(value: unknown): string {
  const name = stringClaim(value, 'name', LIMITS.displayNameMaxLength);
  const problem = nameProblem(name);
  if (problem) throw invalid(`name ${NAME_PROBLEMS[problem]}`);
  return name;
}

function avatarClaim(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' && value.length <= 2048 ? value : '';
  const protocol = URL.canParse(text) ? new URL(text).protocol : '';
  if (protocol !== 'https:' && protocol !== 'http:') throw invalid('avatar must be an http(s) URL');
  return text;
}

/**
 * Verifies a host identity token: HS256 only, `kid` naming a configured app whose secret verifies it,
 * `iss` = that app, `aud` = confab, `sub`, `name`, `iat` and `exp` present, not expired, lifetime at
 * most {@link HOST_TOKEN_MAX_TTL_SECONDS}. Any failure is UNAUTHORIZED.
 */
export async function verifyHostToken(token: string, apps: readonly EmbedApp[], nowMs: number): Promise<HostIdentity> {
  let kid: unknown;
  try {
    ({ kid } = decodeProtectedHeader(token));
  } catch {
    throw invalid('not a JWT');
  }
  const app = apps.find((candidate) => candidate.id === kid);
  if (!app) throw invalid('unknown application (kid)');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(app.secret), {
      algorithms: ['HS256'],
      issuer: app.id,
      audience: HOST_TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp'],
      currentDate: new Date(nowMs),
      clockTolerance: 5,
    }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw invalid(code === 'ERR_JWT_EXPIRED' ? 'expired' : code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ? 'bad signature' : 'claims or signature rejected');
  }
  refuseUnstorableText(payload, 'host token claim');
  const { iat, exp } = payload as { iat: number; exp: number };
  if (iat * 1000 > nowMs + 5000) throw invalid('issued in the future (iat); check the host clock');
  if (exp - iat > HOST_TOKEN_MAX_TTL_SECONDS || exp * 1000 - nowMs > HOST_TOKEN_MAX_TTL_SECONDS * 1000) {
    throw invalid(`lifetime longer than ${HOST_TOKEN_MAX_TTL_SECONDS} seconds`);
  }
  return {
    appId: app.id,
    subject: stringClaim(payload.sub, 'sub', 128),
    name: nameClaim(payload.name),
    avatarUrl: avatarClaim(payload.avatar),
  };
}
