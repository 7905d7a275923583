import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultEmbedDir, parseDmPolicy, parseEmbedApps, parseOrigins } from './embed-config.js';

/** Everything the server needs to start. Made by {@link loadConfig}. */
export interface ServerConfig {
  /** TCP port; 0 picks a free one. @default 3000 */
  port: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host: string;
  /** Directory for the database and the generated JWT secret. @default './data' */
  dataDir: string;
  /** SQLite database file. @default '<dataDir>/confab.db' */
  databaseFile: string;
  /** HS256 secret for session tokens. @default read from, or generated into, '<dataDir>/jwt-secret' */
  jwtSecret: string;
  /** Lifetime of a session token, in seconds. @default 604800 (7 days) */
  tokenTtlSeconds: number;
  /** Directory of a built web app served at `/`, or null for none. @default null */
  webDir: string | null;
  /** Create the demo users alice, bob and carol. @default false */
  demo: boolean;
  /** pino log level (`fatal`, `error`, `warn`, `info`, `debug`, `trace`, `silent`). @default 'info' */
  logLevel: string;
  /**
   * Directory of the built embed frame (`index.html`, `assets/`, `embed.js`), served at `/embed/` and
   * `/embed.js`, or null for no embed. @default `@confab/embed`'s `dist/frame` when it is installed next to the server
   */
  embedDir: string | null;
  /** Origins allowed to embed the widget (`frame-ancestors`), e.g. `https://shop.example`. @default [] (the server's own origin only) */
  embedOrigins: string[];
  /** Applications whose backends sign host identity tokens, each with its HS256 secret. @default [] */
  embedApps: EmbedApp[];
  /** Who may open a direct conversation with whom: only friends, or anyone. @default 'friends' */
  dmPolicy: DmPolicy;
}

/** An application allowed to sign host identity tokens (`kid` = id). */
export interface EmbedApp {
  id: string;
  secret: string;
}

/** `friends`: direct messages between friends only. `anyone`: any user may open a direct conversation with any other. */
export type DmPolicy = 'friends' | 'anyone';

/** A bad flag or environment value; the CLI prints the message and exits with code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type OptionKind = 'port' | 'seconds' | 'string' | 'boolean';

interface OptionSpec {
  flag: string;
  env: string;
  kind: OptionKind;
  description: string;
}

/** Every option, with its flag and environment variable. Flags win over the environment. */
export const CONFIG_OPTIONS = [
  { flag: 'port', env: 'CONFAB_PORT', kind: 'port', description: 'TCP port, 0 for a random free port (default 3000)' },
  { flag: 'host', env: 'CONFAB_HOST', kind: 'string', description: 'interface to listen on (default 127.0.0.1)' },
  { flag: 'data-dir', env: 'CONFAB_DATA_DIR', kind: 'string', description: 'data directory (default ./data)' },
  { flag: 'db', env: 'CONFAB_DATABASE_FILE', kind: 'string', description: 'SQLite file (default <data-dir>/confab.db)' },
  { flag: 'jwt-secret', env: 'CONFAB_JWT_SECRET', kind: 'string', description: 'token signing secret (default: generated into <data-dir>/jwt-secret)' },
  { flag: 'token-ttl', env: 'CONFAB_TOKEN_TTL', kind: 'seconds', description: 'session token lifetime in seconds (default 604800 = 7 days)' },
  { flag: 'web-dir', env: 'CONFAB_WEB_DIR', kind: 'string', description: 'built web app served at / (default: none)' },
  { flag: 'demo', env: 'CONFAB_DEMO', kind: 'boolean', description: 'create demo users alice, bob and carol (CONFAB_DEMO=1)' },
  { flag: 'embed-dir', env: 'CONFAB_EMBED_DIR', kind: 'string', description: 'built embed frame served at /embed/ (default: @confab/embed dist/frame)' },
  { flag: 'embed-origins', env: 'CONFAB_EMBED_ORIGINS', kind: 'string', description: 'comma-separated origins allowed to embed the widget' },
  { flag: 'embed-apps', env: 'CONFAB_EMBED_APPS', kind: 'string', description: 'comma-separated appId:secret pairs for host identity tokens' },
  { flag: 'dm-policy', env: 'CONFAB_DM_POLICY', kind: 'string', description: 'direct messages: friends (default) or anyone' },
  { flag: 'log-level', env: 'CONFAB_LOG_LEVEL', kind: 'string', description: 'log level: fatal, error, warn, info, debug, trace, silent (default info)' },
] as const satisfies readonly OptionSpec[];

type OptionFlag = (typeof CONFIG_OPTIONS)[number]['flag'];
type RawOptions = Partial<Record<OptionFlag, string | boolean>>;

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The parsed command line: either a request for help, or the flags given. */
export type CliArgs = { help: true } | { help: false; flags: RawOptions };

/** Parses the command line strictly: an unknown flag or a stray argument is a {@link ConfigError}. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const option of CONFIG_OPTIONS) options[option.flag] = { type: option.kind === 'boolean' ? 'boolean' : 'string' };
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    if (values.help === true) return { help: true };
    const flags: RawOptions = {};
    for (const option of CONFIG_OPTIONS) {
      const value = values[option.flag];
      if (value !== undefined) flags[option.flag] = value;
    }
    return { help: false, flags };
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. Run with --help to see every option.`);
  }
}

/** The text printed by `confab-server --help`. */
export function helpText(): string {
  const rows = CONFIG_OPTIONS.map((option) => {
    const flag = option.kind === 'boolean' ? `--${option.flag}` : `--${option.flag} <value>`;
    return `  ${flag.padEnd(22)} ${option.env.padEnd(22)} ${option.description}`;
  });
  return ['Usage: confab-server [options]', '', `  ${'flag'.padEnd(22)} ${'environment'.padEnd(22)} meaning`, ...rows, `  ${'--help'.padEnd(22)} ${''.padEnd(22)} show this help`].join('\n');
}

/**
 * Builds the server configuration from command-line flags and `CONFAB_*` environment variables
 * (flags win). When no JWT secret is given, reads `<dataDir>/jwt-secret`, or generates one there
 * (mode 0600). Throws {@link ConfigError} on bad values.
 * @example loadConfig(['--port', '0', '--demo'], process.env)
 */
export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const parsed = parseCliArgs(argv);
  const flags = parsed.help ? {} : parsed.flags;
  const raw = (flag: OptionFlag): string | boolean | undefined => {
    const fromFlag = flags[flag];
    if (fromFlag !== undefined) return fromFlag;
    const spec = CONFIG_OPTIONS.find((option) => option.flag === flag);
    const fromEnv = spec ? env[spec.env] : undefined;
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  };
  const text = (flag: OptionFlag): string | undefined => {
    const value = raw(flag);
    return typeof value === 'string' ? value : undefined;
  };

  const dataDir = resolve(text('data-dir') ?? './data');
  const logLevel = text('log-level') ?? 'info';
  if (!LOG_LEVELS.has(logLevel)) throw new ConfigError(`Invalid log level "${logLevel}": use one of ${[...LOG_LEVELS].join(', ')}.`);

  return {
    port: integerOption(text('port'), 'port', 3000, 0, 65535),
    host: text('host') ?? '127.0.0.1',
    dataDir,
    databaseFile: resolve(text('db') ?? join(dataDir, 'confab.db')),
    jwtSecret: text('jwt-secret') ?? loadOrCreateJwtSecret(dataDir),
    tokenTtlSeconds: integerOption(text('token-ttl'), 'token-ttl', 7 * 24 * 3600, 1, 10 * 365 * 24 * 3600),
    webDir: text('web-dir') === undefined ? null : resolve(text('web-dir') as string),
    demo: booleanOption(raw('demo'), 'demo'),
    logLevel,
    embedDir: text('embed-dir') === undefined ? defaultEmbedDir() : resolve(text('embed-dir') as string),
    embedOrigins: parseOrigins(text('embed-origins')),
    embedApps: parseEmbedApps(text('embed-apps')),
    dmPolicy: parseDmPolicy(text('dm-policy')),
  };
}

function integerOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`Invalid --${name} "${value}": expected a whole number from ${min} to ${max}.`);
  }
  return number;
}

function booleanOption(value: string | boolean | undefined, name: string): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`Invalid --${name} "${value}": expected 1 or 0.`);
}

/** Reads `<dataDir>/jwt-secret`, or writes 32 random bytes there (mode 0600) on first start. */
export function loadOrCreateJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
    throw new ConfigError(`${file} holds a secret shorter than 32 characters; delete it to generate a new one.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
