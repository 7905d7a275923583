import type { AiErrorCode } from '@confab/protocol';

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
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A provider's failure as a {@link ProviderError}: providers throw classified ones; anything else is a generic failure. */
export function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError('PROVIDER_ERROR', 'The AI provider failed while answering.', { cause: error });
}
