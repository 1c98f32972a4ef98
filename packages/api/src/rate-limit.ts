/**
 * Fixed-window request counting in memory, per key (client address or user). One process
 * keeps its own counts: behind several processes each allows the limit.
 */
export interface RateLimit {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

export function createRateLimiter(limit: RateLimit) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    /** Counts one request; returns the seconds to wait when over the limit, else 0. */
    hit(key: string, now = Date.now()): number {
      if (now - lastSweep > limit.windowMs) {
        for (const [k, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(k);
        lastSweep = now;
      }
      const current = windows.get(key);
      if (!current || now - current.start >= limit.windowMs) {
        windows.set(key, { start: now, count: 1 });
        return 0;
      }
      current.count++;
      if (current.count <= limit.max) return 0;
      return Math.max(1, Math.ceil((current.start + limit.windowMs - now) / 1000));
    },
  };
}
