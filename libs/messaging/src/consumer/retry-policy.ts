/** How often and how soon a failed handler is tried again before its event is dead-lettered. */
export interface RetryPolicy {
  /** Total tries, the first one included. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Spread of each delay, 0..1: 0.2 makes a 1 s delay anything from 0.8 s to 1.2 s. */
  readonly jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 1_000,
  maxDelayMs: 60_000,
  jitter: 0.2,
};

export type RetryDecision =
  | { readonly kind: 'retry'; readonly attempt: number; readonly delayMs: number }
  | { readonly kind: 'dead-letter'; readonly attempts: number };

/**
 * What to do after the `failedAttempts`-th failure: exponential backoff with jitter, then the
 * dead-letter topic. `random` is injectable so the arithmetic is testable.
 */
export function decideRetry(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): RetryDecision {
  if (failedAttempts >= policy.maxAttempts) {
    return { kind: 'dead-letter', attempts: failedAttempts };
  }
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (failedAttempts - 1));
  const spread = base * policy.jitter * (2 * random() - 1);
  return {
    kind: 'retry',
    attempt: failedAttempts + 1,
    delayMs: Math.max(0, Math.round(base + spread)),
  };
}
