/** A tiny typed event emitter whose `on()` returns its own unsubscribe. @internal */
export interface Emitter<Events extends object> {
  on<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): () => void;
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  clear(): void;
}

/** @internal */
export function createEmitter<Events extends object>(): Emitter<Events> {
  const handlers = new Map<keyof Events, Set<(payload: never) => void>>();

  return {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) {
        set = new Set();
        handlers.set(event, set);
      }
      // Wrap so that subscribing the same function twice gives two independent subscriptions.
      const entry = (payload: never) => handler(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event, payload) {
      const set = handlers.get(event);
      if (!set) return;
      // Copy so that handlers may unsubscribe (or subscribe) while being called.
      for (const handler of [...set]) (handler as (value: typeof payload) => void)(payload);
    },
    clear() {
      handlers.clear();
    },
  };
}
