/** The timer functions of browsers and Node, typed here because the core is built without DOM or Node types. @internal */
interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** @internal */
export const timers = globalThis as unknown as Timers;
