import { decideRetry, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 250, jitter: 0.2 };
const middle = (): number => 0.5;

describe('decideRetry', () => {
  it('backs off exponentially up to the cap', () => {
    expect(decideRetry(policy, 1, middle)).toEqual({ kind: 'retry', attempt: 2, delayMs: 100 });
    expect(decideRetry(policy, 2, middle)).toEqual({ kind: 'retry', attempt: 3, delayMs: 200 });
    expect(decideRetry(policy, 3, middle)).toEqual({ kind: 'retry', attempt: 4, delayMs: 250 });
  });

  it('dead-letters after the last try', () => {
    expect(decideRetry(policy, 4, middle)).toEqual({ kind: 'dead-letter', attempts: 4 });
    expect(decideRetry({ ...policy, maxAttempts: 1 }, 1, middle).kind).toBe('dead-letter');
  });

  it('spreads delays within the jitter band', () => {
    expect(decideRetry(policy, 1, () => 0)).toMatchObject({ delayMs: 80 });
    expect(decideRetry(policy, 1, () => 1)).toMatchObject({ delayMs: 120 });
  });
});
