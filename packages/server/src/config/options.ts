import { parseArgs } from 'node:util';

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
  { flag: 'database-url', env: 'CONFAB_DATABASE_URL', kind: 'string', description: 'postgres://user:password@host:port/database to store in PostgreSQL instead of SQLite' },
  { flag: 'jwt-secret', env: 'CONFAB_JWT_SECRET', kind: 'string', description: 'token signing secret (default: generated into <data-dir>/jwt-secret)' },
  { flag: 'token-ttl', env: 'CONFAB_TOKEN_TTL', kind: 'seconds', description: 'session token lifetime in seconds (default 604800 = 7 days)' },
  { flag: 'web-dir', env: 'CONFAB_WEB_DIR', kind: 'string', description: 'built web app served at / (default: none)' },
  { flag: 'demo', env: 'CONFAB_DEMO', kind: 'boolean', description: 'create demo users alice, bob and carol (CONFAB_DEMO=1)' },
  { flag: 'embed-dir', env: 'CONFAB_EMBED_DIR', kind: 'string', description: 'built embed frame served at /embed/ (default: @confab/embed dist/frame)' },
  { flag: 'embed-origins', env: 'CONFAB_EMBED_ORIGINS', kind: 'string', description: 'comma-separated origins allowed to embed the widget' },
  { flag: 'embed-apps', env: 'CONFAB_EMBED_APPS', kind: 'string', description: 'comma-separated appId:secret pairs for host identity tokens' },
  { flag: 'dm-policy', env: 'CONFAB_DM_POLICY', kind: 'string', description: 'direct messages: friends (default) or anyone' },
  { flag: 'recall-window', env: 'CONFAB_RECALL_WINDOW', kind: 'seconds', description: 'how long a sender may recall a message, in seconds (default 120)' },
  { flag: 'edit-window', env: 'CONFAB_EDIT_WINDOW', kind: 'seconds', description: 'how long a sender may edit a text, in seconds (default 900)' },
  { flag: 'metrics-port', env: 'CONFAB_METRICS_PORT', kind: 'port', description: 'serve GET /metrics on this port only, not on --port (default: on --port)' },
  { flag: 'log-level', env: 'CONFAB_LOG_LEVEL', kind: 'string', description: 'log level: fatal, error, warn, info, debug, trace, silent (default info)' },
  { flag: 'max-file-bytes', env: 'CONFAB_MAX_FILE_BYTES', kind: 'string', description: 'largest uploaded file in bytes (default 20971520 = 20 MB)' },
  { flag: 'file-types', env: 'CONFAB_FILE_TYPES', kind: 'string', description: 'comma-separated detected MIME types allowed for upload (default: any)' },
  { flag: 'redis-url', env: 'CONFAB_REDIS_URL', kind: 'string', description: 'Redis for several server nodes: fan-out and shared limits (default: none, one node)' },
  { flag: 'redis-prefix', env: 'CONFAB_REDIS_PREFIX', kind: 'string', description: 'prefix of every Redis key and channel (default confab)' },
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

export type OptionFlag = (typeof CONFIG_OPTIONS)[number]['flag'];
export type RawOptions = Partial<Record<OptionFlag, string | boolean>>;

export const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

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
