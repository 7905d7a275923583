import { join, resolve } from 'node:path';
import { LIMITS } from '@confab/protocol';
import { aiConfig, type AiConfig } from './config/ai.js';
import { redisConfig, type RedisConfig } from './config/redis.js';
import { CONFIG_OPTIONS, ConfigError, LOG_LEVELS, parseCliArgs, type OptionFlag } from './config/options.js';
import { booleanOption, databaseUrlOption, integerOption, listOption, loadOrCreateJwtSecret, webDirOption } from './config/values.js';
import { defaultEmbedDir, parseDmPolicy, parseEmbedApps, parseOrigins } from './embed-config.js';

export { CONFIG_OPTIONS, ConfigError, helpText, parseCliArgs } from './config/options.js';
export type { CliArgs } from './config/options.js';
export { loadOrCreateJwtSecret } from './config/values.js';
export type { AiConfig, AiProviderConfig } from './config/ai.js';
export type { RedisConfig } from './config/redis.js';

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
  /**
   * PostgreSQL connection URL (`postgres://user:password@host:port/database`); when set, the server
   * stores everything there instead of in `databaseFile`. @default null (SQLite)
   */
  databaseUrl: string | null;
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
  /** Largest uploaded file, in bytes. @default LIMITS.fileMaxBytes (20 MB) */
  maxFileBytes: number;
  /** Detected MIME types accepted for upload, or null for any type. @default null */
  fileTypes: readonly string[] | null;
  /** Directory of stored files. @default '<dataDir>/files' */
  filesDir: string;
  /** The AI assistant: its provider (or none) and limits. */
  ai: AiConfig;
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
  /** Redis for several nodes (socket.io fan-out, shared AI limits), or null for one node. @default null */
  redis: RedisConfig | null;
  /** How long after sending a sender may recall a message, in ms. @default LIMITS.recallWindowMs (2 minutes) */
  recallWindowMs: number;
  /** How long after sending a sender may edit a text, in ms. @default LIMITS.editWindowMs (15 minutes) */
  editWindowMs: number;
  /**
   * Serve `GET /metrics` on this port only (all interfaces of `host`), not on `port`, so a proxy or
   * Ingress in front of `port` can never expose it. @default null (on `port`)
   */
  metricsPort: number | null;
}

/** An application allowed to sign host identity tokens (`kid` = id). */
export interface EmbedApp {
  id: string;
  secret: string;
}

/** `friends`: direct messages between friends only. `anyone`: any user may open a direct conversation with any other. */
export type DmPolicy = 'friends' | 'anyone';

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
    databaseUrl: databaseUrlOption(text('database-url')),
    jwtSecret: text('jwt-secret') ?? loadOrCreateJwtSecret(dataDir),
    tokenTtlSeconds: integerOption(text('token-ttl'), 'token-ttl', 7 * 24 * 3600, 1, 10 * 365 * 24 * 3600),
    webDir: webDirOption(text('web-dir')),
    demo: booleanOption(raw('demo'), 'demo'),
    logLevel,
    maxFileBytes: integerOption(text('max-file-bytes'), 'max-file-bytes', LIMITS.fileMaxBytes, 1, Number.MAX_SAFE_INTEGER),
    fileTypes: listOption(text('file-types')),
    filesDir: join(dataDir, 'files'),
    ai: aiConfig(text),
    embedDir: text('embed-dir') === undefined ? defaultEmbedDir() : resolve(text('embed-dir') as string),
    embedOrigins: parseOrigins(text('embed-origins')),
    embedApps: parseEmbedApps(text('embed-apps')),
    dmPolicy: parseDmPolicy(text('dm-policy')),
    redis: redisConfig(text),
    recallWindowMs: 1000 * integerOption(text('recall-window'), 'recall-window', LIMITS.recallWindowMs / 1000, 0, 365 * 24 * 3600),
    editWindowMs: 1000 * integerOption(text('edit-window'), 'edit-window', LIMITS.editWindowMs / 1000, 0, 365 * 24 * 3600),
    metricsPort: text('metrics-port') === undefined ? null : integerOption(text('metrics-port'), 'metrics-port', 0, 0, 65535),
  };
}

