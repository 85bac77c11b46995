export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * At most `limit` requests per key in each fixed window of `windowMs`. Memory is bounded: past
 * `maxKeys` keys, finished windows are dropped, then the oldest. Counts are per process, so N
 * replicas allow up to N × limit; that is the point of keeping it in memory (no database round
 * trip on the hot path), and the figure to divide by when configuring.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  take(key: string, nowMs: number): RateDecision {
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= this.windowMs) {
      this.windows.delete(key);
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
      this.prune(nowMs);
    }
    if (window.count >= this.limit) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - nowMs) / 1000)),
      };
    }
    window.count += 1;
    return { allowed: true };
  }

  refund(key: string, nowMs: number): void {
    const window = this.windows.get(key);
    if (window && nowMs - window.start < this.windowMs && window.count > 0) window.count -= 1;
  }

  private prune(nowMs: number): void {
    if (this.windows.size <= this.maxKeys) return;
    for (const [key, window] of this.windows) {
      if (nowMs - window.start >= this.windowMs) this.windows.delete(key);
    }
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
