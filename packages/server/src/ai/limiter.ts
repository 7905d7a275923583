/** Per-user sliding window: at most `limit` starts in any `windowMs`. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number) {
  const starts = new Map<string, number[]>();
  return {
    /** Records a start and returns true, or returns false when the user is over the limit. */
    take(userId: string): boolean {
      const since = now() - windowMs;
      const recent = (starts.get(userId) ?? []).filter((at) => at > since);
      if (recent.length >= limit) {
        starts.set(userId, recent);
        return false;
      }
      recent.push(now());
      starts.set(userId, recent);
      return true;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
