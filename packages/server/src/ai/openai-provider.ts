import OpenAI from 'openai';
import type { AiProviderConfig } from '../config.js';
import { asProviderError, ProviderError, type ChatProvider } from './provider.js';

/** Maps anything the openai package throws to a {@link ProviderError} (never leaking keys or URLs). */
export function classifyOpenAIError(error: unknown): ProviderError {
  if (error instanceof OpenAI.APIError && error.status === 429) {
    return new ProviderError('PROVIDER_RATE_LIMITED', 'The AI provider is rate limiting requests. Try again shortly.', { cause: error });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    return new ProviderError('PROVIDER_ERROR', `The AI provider answered with an error (HTTP ${error.status}).`, { cause: error });
  }
  return asProviderError(error);
}

/**
 * The official `openai` client against any OpenAI-compatible base URL, streaming chat completions.
 * Loaded only when a provider is configured (see app.ts): the package is a large part of start time.
 */
export function createOpenAIProvider(config: AiProviderConfig): ChatProvider {
  // Retries are the user's (the Retry action); the server's idle timeout aborts through the signal.
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey, maxRetries: 0, timeout: 10 * 60_000 });
  return {
    async stream({ messages, signal, onDelta }) {
      try {
        const stream = await client.chat.completions.create({ model: config.model, messages, stream: true }, { signal });
        for await (const chunk of stream) {
          const text = chunk.choices[0]?.delta?.content;
          if (typeof text === 'string' && text !== '') onDelta(text);
        }
      } catch (error) {
        throw classifyOpenAIError(error);
      }
    },
  };
}
