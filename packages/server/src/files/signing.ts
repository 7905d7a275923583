import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signs and checks file URLs: HMAC-SHA256 over `<id>.<exp>` with a key derived from the server secret. */
export interface UrlSigner {
  /** The signature of file `id` valid until `exp` (seconds since epoch). */
  sign(id: string, exp: number): string;
  /** Whether `sig` is the signature of (`id`, `exp`) and `exp` has not passed at `nowMs`. */
  verify(id: string, exp: number, sig: string, nowMs: number): boolean;
}

export function createUrlSigner(secret: string): UrlSigner {
  // A separate key: a file signature can never be replayed as anything else signed with the secret.
  const key = createHmac('sha256', secret).update('confab:file-url:v1').digest();
  const sign = (id: string, exp: number): string => createHmac('sha256', key).update(`${id}.${exp}`).digest('base64url');
  return {
    sign,
    verify(id, exp, sig, nowMs) {
      if (!Number.isSafeInteger(exp) || exp * 1000 <= nowMs) return false;
      const expected = Buffer.from(sign(id, exp));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
