import type { AppendResult, NewMessage } from '../store.js';

interface PendingAppend {
  message: NewMessage;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for `appendMessage`: the appends asked for in one turn of the event loop (every
 * socket packet read in the same poll phase) are written in ONE `BEGIN IMMEDIATE … COMMIT`, flushed
 * on `setImmediate`, and each promise settles only after that commit. A WAL commit costs far more
 * than the rows in it, so a busy server pays it once per tick instead of once per message.
 *
 * Order is the order of the calls, so seqs within a conversation follow it; a repeated
 * `(senderId, clientMsgId)` inside one batch finds the earlier row of the same transaction. When the
 * batch transaction throws (one bad row rolls all back), each append of the batch is retried in its
 * own transaction, so one failing row fails only its own caller.
 */
export class AppendQueue {
  private pending: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  /**
   * @param writeBatch writes messages in order in ONE transaction, a result per message; throws to roll all back.
   * @param writeAlone writes one message in a transaction of its own, recovering what it can.
   */
  constructor(
    private readonly writeBatch: (messages: readonly NewMessage[]) => AppendResult[],
    private readonly writeAlone: (message: NewMessage) => AppendResult,
  ) {}

  /** Queues a message for the next group commit; resolves after it is committed. */
  append(message: NewMessage): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ message, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits what is queued now (also called before the database closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    if (batch.length > 1) {
      let results: AppendResult[] | null = null;
      try {
        results = this.writeBatch(batch.map((entry) => entry.message));
      } catch {
        // One row failed and rolled the batch back: fall through to one transaction per row.
      }
      if (results) {
        batch.forEach((entry, i) => entry.resolve(results[i] as AppendResult));
        return;
      }
    }
    for (const entry of batch) {
      try {
        entry.resolve(this.writeAlone(entry.message));
      } catch (error) {
        entry.reject(error);
      }
    }
  }
}
