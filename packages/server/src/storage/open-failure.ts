import { errorChain } from '../connection-errors.js';
import { StartupError } from '../errors.js';

/**
 * The store could not be opened at start: the message is one line naming where (the PostgreSQL URL
 * without credentials, or the SQLite file) and why, with a hint for the usual causes. The CLI prints
 * it and exits 1.
 */
export class StoreOpenError extends StartupError {
  override readonly name = 'StoreOpenError';
}

/** Hints by PostgreSQL SQLSTATE or Node error code. */
const HINTS: Readonly<Record<string, string>> = {
  '28P01': 'check the user and password in the URL (a password with @ : / ? # % must be percent-encoded)',
  '28000': 'the server refuses this user, database or address (pg_hba.conf)',
  '3D000': 'create the database first (CREATE DATABASE … OWNER …)',
  '3F000': 'create the schema named in search_path first (CREATE SCHEMA … AUTHORIZATION …)',
  '42501': 'the user may not create tables here; make it the owner of the database or schema',
  ECONNREFUSED: 'is PostgreSQL running and listening on that host and port?',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve right now',
  ETIMEDOUT: 'no answer: the host is unreachable or a firewall drops the connection',
  EHOSTUNREACH: 'the host is unreachable',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate is not trusted: give its CA with sslrootcert=/path/ca.pem (pg 8.23 treats sslmode=require as verify-full)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed: give it with sslrootcert=/path/cert.pem, or add uselibpqcompat=true to keep libpq\'s sslmode=require',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is not trusted: give its CA with sslrootcert=/path/ca.pem',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not name this host: connect by the name it holds, or add uselibpqcompat=true with sslmode=require',
};

/** Hints by message, for node-postgres errors that carry no code. */
const MESSAGE_HINTS: readonly [RegExp, string][] = [
  [/does not support SSL/, 'drop sslmode=require from the URL, or enable TLS on the server'],
  [/timeout|terminated/i, 'no answer within 5 s: the host is unreachable, a firewall drops the connection, or the server closed it'],
  [/no schema has been selected/, HINTS['3F000'] as string],
];

/** The first line of the outermost message that says something, then a hint when the cause is a known one. */
function causeOf(error: unknown): string {
  const chain = errorChain(error);
  const messages = chain.map((item) => String((item as { message?: unknown }).message ?? '').split('\n')[0]?.trim() ?? '').filter((text) => text !== '');
  const codes = chain.map((item) => (item as { code?: unknown }).code).filter((code): code is string => typeof code === 'string');
  const message = messages[0] ?? codes[0] ?? String(error);
  const hint = codes.map((code) => HINTS[code]).find(Boolean) ?? MESSAGE_HINTS.find(([pattern]) => messages.some((text) => pattern.test(text)))?.[1];
  return hint ? `${message}; ${hint}` : message;
}

/** Wraps a failure to open the store into a {@link StoreOpenError} naming `where`, which must hold no password. */
export function storeOpenError(where: string, error: unknown): StoreOpenError {
  return new StoreOpenError(`Could not open the database ${where}: ${causeOf(error)}`);
}
