import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleAll,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { EndpointGuard, SendResult } from '../application/deliver/ports';

class FailedTry extends Error {
  constructor(readonly result: SendResult) {
    super(result.error ?? 'failed');
  }
}

/**
 * A cockatiel circuit breaker per endpoint: after `failures` failed tries in a row the endpoint's
 * deliveries wait (without spending tries) until one probe after `halfOpenAfterMs` succeeds.
 * Permanent refusals (a 4xx) say nothing about the endpoint's health and do not count.
 */
export class EndpointBreakers implements EndpointGuard {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly openedAt = new Map<string, number>();

  constructor(
    private readonly failures: number,
    readonly halfOpenAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  isOpen(endpoint: string): boolean {
    const breaker = this.breakers.get(endpoint);
    if (!breaker || breaker.state !== CircuitState.Open) return false;
    return this.now() - (this.openedAt.get(endpoint) ?? 0) < this.halfOpenAfterMs;
  }

  async execute(
    endpoint: string,
    attempt: () => Promise<SendResult>,
  ): Promise<SendResult | 'open'> {
    try {
      return await this.breakerFor(endpoint).execute(async () => {
        const result = await attempt();
        if (!result.ok && result.permanent !== true) throw new FailedTry(result);
        return result;
      });
    } catch (error) {
      if (error instanceof FailedTry) return error.result;
      if (error instanceof BrokenCircuitError) return 'open';
      throw error;
    }
  }

  private breakerFor(endpoint: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(endpoint);
    if (!breaker) {
      const policy = circuitBreaker(handleAll, {
        halfOpenAfter: this.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.failures),
      });
      policy.onBreak(() => this.openedAt.set(endpoint, this.now()));
      this.breakers.set(endpoint, policy);
      breaker = policy;
    }
    return breaker;
  }
}
