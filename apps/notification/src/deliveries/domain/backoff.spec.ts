import {
  decideAfterFailure,
  isPermanentHttpFailure,
  retryDelayMs,
  type RetryPolicy,
} from './backoff';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 10_000 };

describe('retry backoff', () => {
  it('doubles the step per failed try, with half of it random', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, () => 1)).toBe(1_000);
    expect(retryDelayMs(2, policy, () => 0)).toBe(1_000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(3_000);
  });

  it('never waits longer than the cap, however many tries failed', () => {
    expect(retryDelayMs(50, policy, () => 1)).toBe(10_000);
    expect(retryDelayMs(50, policy, () => 0)).toBe(5_000);
  });

  it('spreads the retries of deliveries that failed together', () => {
    const delays = new Set([0.1, 0.3, 0.6, 0.9].map((r) => retryDelayMs(4, policy, () => r)));
    expect(delays.size).toBe(4);
  });

  it('retries until the last try, then gives up', () => {
    const now = new Date('2026-01-05T01:00:00Z');
    const retry = decideAfterFailure({
      attempts: 4,
      permanent: false,
      now,
      policy,
      random: () => 1,
    });
    expect(retry).toEqual({ kind: 'retry', nextAttemptAt: new Date('2026-01-05T01:00:08Z') });
    expect(
      decideAfterFailure({ attempts: 5, permanent: false, now, policy, random: () => 1 }),
    ).toEqual({
      kind: 'give_up',
    });
  });

  it('gives up at once on a permanent failure', () => {
    const now = new Date();
    expect(
      decideAfterFailure({ attempts: 1, permanent: true, now, policy, random: () => 1 }),
    ).toEqual({
      kind: 'give_up',
    });
  });

  it('treats 4xx as permanent except timeouts and rate limits', () => {
    expect(isPermanentHttpFailure(400)).toBe(true);
    expect(isPermanentHttpFailure(410)).toBe(true);
    expect(isPermanentHttpFailure(408)).toBe(false);
    expect(isPermanentHttpFailure(429)).toBe(false);
    expect(isPermanentHttpFailure(500)).toBe(false);
    expect(isPermanentHttpFailure(503)).toBe(false);
  });
});
