/**
 * Tracks socket events being handled, for a graceful shutdown: once `close()` is called no new
 * event is admitted, and `close()` resolves when every admitted one has been answered.
 */
export interface Drain {
  /** True once shutting down: new events are answered UNAVAILABLE. */
  readonly closing: boolean;
  /** Runs the handling of one admitted event (its write and its ack). */
  run(work: () => Promise<void>): Promise<void>;
  /** Stops admitting events; resolves when the admitted ones are done. */
  close(): Promise<void>;
}

export function createDrain(): Drain {
  let closing = false;
  const inFlight = new Set<Promise<void>>();
  return {
    get closing() {
      return closing;
    },
    run(work) {
      const done = work().finally(() => inFlight.delete(done));
      inFlight.add(done);
      return done;
    },
    async close() {
      closing = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
