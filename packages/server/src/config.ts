import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LIMITS } from '@confab/protocol';
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
}

/** An OpenAI-compatible chat completions endpoint. */
export interface AiProviderConfig {
  /** @default 'https://api.openai.com/v1' @example 'http://127.0.0.1:11434/v1' (Ollama) */
  baseUrl: string;
  /** Sent as `Authorization: Bearer`; local servers ignore it. @default 'not-needed' */
  apiKey: string;
  /** @example 'gpt-4o-mini', 'llama3.2' */
  model: string;
}

export interface AiConfig {
  /** null when neither a base URL nor an API key is configured: the assistant then says how to configure one. */
  provider: AiProviderConfig | null;
  /** The system message sent before the conversation. */
  systemPrompt: string;
  /** The assistant's display name. @default 'Assistant' */
  name: string;
  /** The assistant's avatar URL. @default null */
  avatarUrl: string | null;
  /** How many recent messages of the conversation are sent as context. @default 20 */
  contextMessages: number;
  /** Replies a user may start per minute. @default 10 */
  rateLimitPerMinute: number;
  /** Replies generated at once, server-wide. @default 4 */
  maxConcurrent: number;
  /** A reply fails with TIMEOUT when the provider sends nothing for this long. @default 30000 */
  timeoutMs: number;
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

type OptionKind = 'port' | 'seconds' | 'string' | 'boolean' | 'integer';

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
  { flag: 'max-file-bytes', env: 'CONFAB_MAX_FILE_BYTES', kind: 'string', description: 'largest uploaded file in bytes (default 20971520 = 20 MB)' },
  { flag: 'file-types', env: 'CONFAB_FILE_TYPES', kind: 'string', description: 'comma-separated detected MIME types allowed for upload (default: any)' },
  { flag: 'ai-base-url', env: 'CONFAB_AI_BASE_URL', kind: 'string', description: 'OpenAI-compatible API base URL (default https://api.openai.com/v1 when a key is set)' },
  { flag: 'ai-api-key', env: 'CONFAB_AI_API_KEY', kind: 'string', description: 'API key of the AI provider' },
  { flag: 'ai-model', env: 'CONFAB_AI_MODEL', kind: 'string', description: 'model name, required with a provider (e.g. gpt-4o-mini, llama3.2)' },
  { flag: 'ai-system-prompt', env: 'CONFAB_AI_SYSTEM_PROMPT', kind: 'string', description: 'system prompt of the assistant' },
  { flag: 'ai-name', env: 'CONFAB_AI_NAME', kind: 'string', description: 'display name of the assistant (default Assistant)' },
  { flag: 'ai-avatar', env: 'CONFAB_AI_AVATAR', kind: 'string', description: 'avatar URL of the assistant' },
  { flag: 'ai-context-messages', env: 'CONFAB_AI_CONTEXT_MESSAGES', kind: 'integer', description: 'recent messages sent as context, 1-200 (default 20)' },
  { flag: 'ai-rate-limit', env: 'CONFAB_AI_RATE_LIMIT', kind: 'integer', description: 'replies per user per minute (default 10)' },
  { flag: 'ai-max-concurrent', env: 'CONFAB_AI_MAX_CONCURRENT', kind: 'integer', description: 'replies generated at once (default 4)' },
  { flag: 'ai-timeout-ms', env: 'CONFAB_AI_TIMEOUT_MS', kind: 'integer', description: 'fail a reply after this long without data from the provider (default 30000)' },
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
    return `  ${flag.padEnd(30)} ${option.env.padEnd(28)} ${option.description}`;
  });
  return ['Usage: confab-server [options]', '', `  ${'flag'.padEnd(30)} ${'environment'.padEnd(28)} meaning`, ...rows, `  ${'--help'.padEnd(30)} ${''.padEnd(28)} show this help`].join('\n');
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
  };
}

const DEFAULT_AI_NAME = 'Assistant';

function aiConfig(text: (flag: OptionFlag) => string | undefined): AiConfig {
  const name = text('ai-name') ?? DEFAULT_AI_NAME;
  const baseUrl = text('ai-base-url');
  const apiKey = text('ai-api-key');
  const model = text('ai-model');
  let provider: AiProviderConfig | null = null;
  if (baseUrl !== undefined || apiKey !== undefined) {
    if (model === undefined) throw new ConfigError('An AI provider is configured but no model: set --ai-model (CONFAB_AI_MODEL).');
    if (baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(baseUrl)) {
      throw new ConfigError(`Invalid --ai-base-url "${baseUrl}": expected an http:// or https:// URL.`);
    }
    provider = { baseUrl: baseUrl ?? 'https://api.openai.com/v1', apiKey: apiKey ?? 'not-needed', model };
  }
  return {
    provider,
    systemPrompt: text('ai-system-prompt') ?? `You are ${name}, a helpful assistant inside a chat app. Answer concisely; use Markdown when it helps.`,
    name,
    avatarUrl: text('ai-avatar') ?? null,
    contextMessages: integerOption(text('ai-context-messages'), 'ai-context-messages', 20, 1, 200),
    rateLimitPerMinute: integerOption(text('ai-rate-limit'), 'ai-rate-limit', 10, 1, 100_000),
    maxConcurrent: integerOption(text('ai-max-concurrent'), 'ai-max-concurrent', 4, 1, 10_000),
    timeoutMs: integerOption(text('ai-timeout-ms'), 'ai-timeout-ms', 30_000, 100, 600_000),
  };
}

/** A web app folder must hold an index.html; a wrong path stops the start instead of serving 404s. */
function webDirOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  const dir = resolve(value);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new ConfigError(`Invalid --web-dir "${value}": ${join(dir, 'index.html')} does not exist (build the web app with "pnpm build").`);
  }
  return dir;
}

function listOption(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const items = value.split(',').map((item) => item.trim().toLowerCase()).filter((item) => item !== '');
  return items.length === 0 ? null : items;
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
