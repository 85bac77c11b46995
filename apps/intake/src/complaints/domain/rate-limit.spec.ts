import { FixedWindowRateLimiter } from './rate-limit';

describe('FixedWindowRateLimiter', () => {
  it('allows the limit per window and says how long to wait after it', () => {
    const limiter = new FixedWindowRateLimiter(2, 60_000);
    expect(limiter.take('a', 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 1_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 20_500)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limiter.take('b', 20_500)).toEqual({ allowed: true });
    expect(limiter.take('a', 60_000)).toEqual({ allowed: true });
  });

  it('keeps at most maxKeys keys', () => {
    const limiter = new FixedWindowRateLimiter(1, 60_000, 3);
    for (let i = 0; i < 10; i++) limiter.take(`k${i}`, i);
    // The oldest keys were forgotten, so they are allowed again; the newest are still counted.
    expect(limiter.take('k0', 20).allowed).toBe(true);
    expect(limiter.take('k9', 20).allowed).toBe(false);
  });

  it('gives back a refunded allowance within its window, and never below zero', () => {
    const limiter = new FixedWindowRateLimiter(1, 60_000);
    expect(limiter.take('a', 0)).toEqual({ allowed: true });
    limiter.refund('a', 10);
    expect(limiter.take('a', 20)).toEqual({ allowed: true });
    expect(limiter.take('a', 30).allowed).toBe(false);
    // A refund after the window closed does not reach into the next one.
    limiter.refund('a', 60_000);
    limiter.refund('b', 0);
    expect(limiter.take('b', 0)).toEqual({ allowed: true });
    expect(limiter.take('b', 1).allowed).toBe(false);
  });
});
