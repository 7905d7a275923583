import type { AiErrorCode } from '@confab/protocol';
import OpenAI from 'openai';
import type { AiProviderConfig } from '../config.js';

/** One message of the context sent to the provider. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface StreamRequest {
  messages: ChatTurn[];
  /** Aborting ends the stream; `stream` then resolves (stop) or rejects with the reason's error. */
  signal: AbortSignal;
  onDelta(text: string): void;
}

/** Streams one chat completion. */
export interface ChatProvider {
  stream(request: StreamRequest): Promise<void>;
}

/** A provider failure with the code the reply shows. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly code: AiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Maps anything the openai package throws to a {@link ProviderError} (never leaking keys or URLs). */
export function classifyProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof OpenAI.APIError && error.status === 429) {
    return new ProviderError('PROVIDER_RATE_LIMITED', 'The AI provider is rate limiting requests. Try again shortly.');
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    return new ProviderError('PROVIDER_ERROR', `The AI provider answered with an error (HTTP ${error.status}).`);
  }
  return new ProviderError('PROVIDER_ERROR', 'The AI provider failed while answering.');
}

/** The official `openai` client against any OpenAI-compatible base URL, streaming chat completions. */
export function createOpenAIProvider(config: AiProviderConfig): ChatProvider {
  // Retries are the user's (the Retry action); the server's idle timeout aborts through the signal.
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey, maxRetries: 0, timeout: 10 * 60_000 });
  return {
    async stream({ messages, signal, onDelta }) {
      const stream = await client.chat.completions.create({ model: config.model, messages, stream: true }, { signal });
      for await (const chunk of stream) {
        const text = chunk.choices[0]?.delta?.content;
        if (typeof text === 'string' && text !== '') onDelta(text);
      }
    },
  };
}
