import { ConfigError, type OptionFlag } from './options.js';
import { integerOption } from './values.js';

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

const DEFAULT_AI_NAME = 'Assistant';

/** The assistant's settings from the `--ai-*` options. */
export function aiConfig(text: (flag: OptionFlag) => string | undefined): AiConfig {
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
