/** How a failed delivery is retried. */
export interface RetryPolicy {
  /** Tries in all, the first included; after the last failure the delivery is `failed`. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_DELIVERY_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
};

/**
 * Delay before the next try after `attempts` failed tries: exponential (base × 2^(attempts−1),
 * capped), with "equal jitter" — half fixed, half random — so retries of many deliveries spread
 * out while each still waits at least half the exponential step.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.max(0, attempts - 1);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
  const half = step / 2;
  return Math.round(half + half * Math.min(1, Math.max(0, random())));
}

export type FailureDecision =
  { readonly kind: 'retry'; readonly nextAttemptAt: Date } | { readonly kind: 'give_up' };

/**
 * After a failed try: retry later, or give up when the tries are spent or the failure is permanent
 * (a refused target, a 4xx other than 408/429).
 */
export function decideAfterFailure(input: {
  readonly attempts: number;
  readonly permanent: boolean;
  readonly now: Date;
  readonly policy: RetryPolicy;
  readonly random: () => number;
}): FailureDecision {
  if (input.permanent || input.attempts >= input.policy.maxAttempts) return { kind: 'give_up' };
  const delay = retryDelayMs(input.attempts, input.policy, input.random);
  return { kind: 'retry', nextAttemptAt: new Date(input.now.getTime() + delay) };
}

/** Whether an HTTP status means trying again cannot help. */
export function isPermanentHttpFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
}
