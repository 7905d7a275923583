import type { ChatProvider, ChatTurn } from './provider.js';

/** How often the text so far is written to the message row while streaming (for reconnecting clients). */
export const FLUSH_INTERVAL_MS = 200;

export interface StreamReplyOptions {
  provider: ChatProvider;
  messages: ChatTurn[];
  signal: AbortSignal;
  /** Called when the provider sent nothing for this long (the caller aborts). */
  timeoutMs: number;
  onTimeout(): void;
  /** Each non-empty piece of text, with its index 0, 1, 2, ... */
  onDelta(index: number, text: string): void;
  /** Persists the text so far; called at most {@link FLUSH_INTERVAL_MS} after a delta, at most that often. */
  flush(text: string, deltas: number): Promise<unknown>;
}

/** The text received, and the provider's error when it failed (not when aborted). */
export interface StreamOutcome {
  text: string;
  deltas: number;
  error?: unknown;
}

/** Runs one provider stream with an idle timeout; never throws, never hangs past the timeout. */
export async function streamReply(options: StreamReplyOptions): Promise<StreamOutcome> {
  let text = '';
  let deltas = 0;
  let timer: NodeJS.Timeout | undefined;
  let flushTimer: NodeJS.Timeout | undefined;
  /** Writes in order, and all done before the caller stores the final text. */
  let flushing: Promise<unknown> = Promise.resolve();
  const flushLater = (): void => {
    flushTimer ??= setTimeout(() => {
      flushTimer = undefined;
      const [flushedText, flushedDeltas] = [text, deltas];
      if (!options.signal.aborted) flushing = flushing.then(() => options.flush(flushedText, flushedDeltas)).catch(() => undefined);
    }, FLUSH_INTERVAL_MS);
  };
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(options.onTimeout, options.timeoutMs);
  };
  arm();
  try {
    await Promise.race([
      options.provider.stream({
        messages: options.messages,
        signal: options.signal,
        onDelta(piece) {
          if (options.signal.aborted) return;
          arm();
          text += piece;
          options.onDelta(deltas++, piece);
          flushLater();
        },
      }),
      // A provider call that ignores the signal still ends here.
      new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true })),
    ]);
    return { text, deltas };
  } catch (error) {
    return options.signal.aborted ? { text, deltas } : { text, deltas, error };
  } finally {
    clearTimeout(timer);
    clearTimeout(flushTimer);
    await flushing;
  }
}
