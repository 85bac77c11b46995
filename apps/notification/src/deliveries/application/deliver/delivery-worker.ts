import { decideAfterFailure, type RetryPolicy } from '../../domain/backoff';
import type { Delivery } from '../../domain/delivery';
import { pickWithinCapacity } from '../../domain/endpoint-capacity';
import type { Clock } from '../ports';
import type { DeliveryOutcomes, DeliveryQueue, DeliverySender, EndpointGuard } from './ports';

export interface DeliveryWorkerOptions {
  readonly retry: RetryPolicy;
  /** Tries in flight in this process. */
  readonly concurrency: number;
  /** Tries in flight to one endpoint in this process. */
  readonly perEndpointConcurrency: number;
  readonly leaseMs: number;
  readonly pollIntervalMs: number;
}

export interface DeliveryWorkerObserver {
  onOutcome?(delivery: Delivery, outcome: 'delivered' | 'retry' | 'failed' | 'postponed'): void;
  onError?(error: unknown): void;
}

/**
 * Sends due deliveries. Any number of instances can run: each leases rows with FOR UPDATE SKIP
 * LOCKED, so a delivery is tried by one of them at a time; a lease that outlives a crashed
 * instance expires and the delivery is tried again. Per-endpoint slots and circuit breakers keep
 * a slow or dead endpoint from holding up the others.
 */
export class DeliveryWorker {
  private readonly inFlight = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  /** Endpoints this process has tried, whose circuits may be open. */
  private readonly knownEndpoints = new Set<string>();
  private total = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private ticking: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly sender: DeliverySender,
    private readonly outcomes: DeliveryOutcomes,
    private readonly guard: EndpointGuard,
    private readonly clock: Clock,
    private readonly options: DeliveryWorkerOptions,
    private readonly observer: DeliveryWorkerObserver = {},
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake();
  }

  /** Stops claiming and waits for the tries in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.ticking) await this.ticking;
    await Promise.allSettled([...this.running]);
  }

  /** Looks for due deliveries now (new ones were recorded, or a slot came free). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.ticking = this.tick()
      .then(() => undefined)
      .catch((error: unknown) => this.observer.onError?.(error))
      .finally(() => {
        this.ticking = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.wake();
        } else {
          this.timer = setTimeout(() => {
            this.wake();
          }, this.options.pollIntervalMs);
          this.timer.unref();
        }
      });
  }

  /** One round: lease what fits in the free slots and start sending it. Returns how many. */
  async tick(): Promise<number> {
    const free = this.options.concurrency - this.total;
    if (free <= 0) return 0;
    const saturated = [...this.inFlight.entries()]
      .filter(([, n]) => n >= this.options.perEndpointConcurrency)
      .map(([endpoint]) => endpoint);
    const open = [...this.knownEndpoints].filter((e) => this.guard.isOpen(e));
    const claimed = await this.queue.claim({
      now: this.clock.now(),
      leaseMs: this.options.leaseMs,
      excludeEndpoints: [...new Set([...saturated, ...open])],
      lookAhead: free * 4,
      pick: (candidates) =>
        pickWithinCapacity(candidates, this.inFlight, this.options.perEndpointConcurrency, free),
    });
    for (const delivery of claimed) this.launch(delivery);
    if (claimed.length === free) this.again = true;
    return claimed.length;
  }

  private launch(delivery: Delivery): void {
    this.knownEndpoints.add(delivery.endpoint);
    this.total += 1;
    this.inFlight.set(delivery.endpoint, (this.inFlight.get(delivery.endpoint) ?? 0) + 1);
    const run = this.process(delivery)
      .catch((error: unknown) => this.observer.onError?.(error))
      .finally(() => {
        this.total -= 1;
        const left = (this.inFlight.get(delivery.endpoint) ?? 1) - 1;
        if (left <= 0) this.inFlight.delete(delivery.endpoint);
        else this.inFlight.set(delivery.endpoint, left);
        this.running.delete(run);
        this.wake();
      });
    this.running.add(run);
  }

  /** Tries one leased delivery and records the outcome (with its event). */
  async process(delivery: Delivery): Promise<void> {
    let result: SendResultOrOpen;
    try {
      result = await this.guard.execute(delivery.endpoint, () => this.sender.send(delivery));
    } catch (error) {
      result = { ok: false, target: '', error: describe(error) };
    }
    const now = this.clock.now();
    if (result === 'open') {
      await this.outcomes.postpone(delivery, new Date(now.getTime() + this.guard.halfOpenAfterMs));
      this.observer.onOutcome?.(delivery, 'postponed');
      return;
    }
    if (result.ok) {
      await this.outcomes.delivered(delivery, result, now);
      this.observer.onOutcome?.(delivery, 'delivered');
      return;
    }
    const decision = decideAfterFailure({
      attempts: delivery.attempts,
      permanent: result.permanent === true,
      now,
      policy: this.options.retry,
      random: this.random,
    });
    if (decision.kind === 'retry') {
      await this.outcomes.retry(delivery, result, decision.nextAttemptAt);
      this.observer.onOutcome?.(delivery, 'retry');
    } else {
      await this.outcomes.failed(delivery, result, now);
      this.observer.onOutcome?.(delivery, 'failed');
    }
  }
}

type SendResultOrOpen = Awaited<ReturnType<EndpointGuard['execute']>>;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
