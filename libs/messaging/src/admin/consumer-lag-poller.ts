import type { Logger } from 'pino';
import type { BrokerAdmin, PartitionLag } from '../broker/message-broker';

export interface ConsumerLagPollerOptions {
  readonly broker: Pick<BrokerAdmin, 'consumerGroupLag'>;
  readonly groupId: string;
  /** The topics the group reads; partitions it has not committed on count from their start. */
  readonly topics: readonly string[];
  /** Time between two looks; 0 turns the poller off. */
  readonly intervalMs: number;
  readonly record: (groupId: string, partitions: readonly PartitionLag[]) => void;
  readonly logger: Logger;
}

/**
 * Asks the broker, at a fixed interval, how far a consumer group is behind the end of each of its
 * topics and hands the answer to `record` (the lag gauges). A failed look (the broker briefly
 * unreachable, metadata stale right after topics were created) is logged once per run of failures
 * and tried again soon, backing off up to the interval; it never disturbs the consumer itself.
 */
export class ConsumerLagPoller {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private failures = 0;
  private running = false;

  constructor(private readonly options: ConsumerLagPollerOptions) {}

  /** Looks at once, then every interval. */
  start(): void {
    if (this.options.intervalMs <= 0 || this.running) return;
    this.running = true;
    this.tick();
  }

  /** Stops polling and waits for a look in flight. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /** One look: asks the broker and records the answer. Rejects when the broker cannot answer. */
  async poll(): Promise<void> {
    const partitions = await this.options.broker.consumerGroupLag(
      this.options.groupId,
      this.options.topics,
    );
    this.options.record(this.options.groupId, partitions);
  }

  private tick(): void {
    this.inFlight = this.poll()
      .then(
        () => {
          if (this.failures > 0) this.options.logger.info('consumer lag readable again');
          this.failures = 0;
        },
        (error: unknown) => {
          if (this.failures === 0) {
            this.options.logger.warn(
              { err: error, groupId: this.options.groupId },
              'cannot read consumer lag; keeping the last values and trying again',
            );
          }
          this.failures += 1;
        },
      )
      .finally(() => {
        this.inFlight = undefined;
        if (!this.running) return;
        const delay =
          this.failures === 0
            ? this.options.intervalMs
            : Math.min(this.options.intervalMs, 500 * 2 ** Math.min(this.failures - 1, 10));
        this.timer = setTimeout(() => {
          this.tick();
        }, delay);
        this.timer.unref();
      });
  }
}
