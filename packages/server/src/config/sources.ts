import { CONFIG_OPTIONS, ConfigError, type OptionFlag } from './options.js';

/**
 * Variables whose empty value is refused rather than read as "not set": an empty
 * `CONFAB_DATABASE_URL` (a missing Secret key) would otherwise start a node on its own SQLite file.
 */
const EMPTY_REFUSED: ReadonlySet<OptionFlag> = new Set(['database-url', 'redis-url', 'ai-base-url', 'redis-prefix', 'jwt-secret']);

function variableOf(flag: OptionFlag): string {
  return CONFIG_OPTIONS.find((option) => option.flag === flag)?.env ?? `--${flag}`;
}

/** What an empty `CONFAB_*` value means: "not set" for most options; a {@link ConfigError} for those in EMPTY_REFUSED. */
export function emptyValue(flag: OptionFlag): undefined {
  if (!EMPTY_REFUSED.has(flag)) return undefined;
  throw new ConfigError(`${variableOf(flag)} is set but empty: give it a value, or unset it for the default.`);
}

/** The same error, naming `CONFAB_X` instead of `--x` for the options that came from the environment. */
export function namingTheVariable(error: ConfigError, fromEnvironment: ReadonlySet<OptionFlag>): ConfigError {
  let message = error.message;
  for (const flag of fromEnvironment) message = message.replace(new RegExp(`Invalid --${flag}(?=[\\s:])`, 'g'), `Invalid ${variableOf(flag)}`);
  return message === error.message ? error : new ConfigError(message);
}
